//! Appending whole lines to a JSON Lines store, atomically.
//!
//! [`append_with`] locks the store, reads it, lets its caller decide what to
//! add (so that duplicates are weeded out against what is really there, under
//! the lock), and replaces the store with its old contents followed by the
//! new lines.
//!
//! # What it guarantees
//!
//! - **Whole or nothing.** A crash at any moment (`kill -9`, or a power cut,
//!   since the new file is on disk before it takes the store's name) or a
//!   full disk leaves the store either exactly as it was or with all the new
//!   lines; never a part of a line. A reader that does not lock sees one or
//!   the other, never a mix.
//! - **No lost or tangled appends.** Two appends at once, from threads or
//!   processes, run one after the other: the second sees the first's lines.
//! - **The store stays what it was.** Its permission bits are kept (and its
//!   owner and group when the process may set them), and a store that is a
//!   symbolic link has its target replaced, the link kept.
//! - **Nothing is written** when the caller adds nothing or refuses: the
//!   store keeps its bytes, its modification time and its inode, and a
//!   store that did not exist still does not.
//!
//! # How
//!
//! Lock, read, write the old contents and the new lines to a temporary file
//! beside the store (created exclusively, named `.STORE.PID.N.tmp`), fsync
//! it, rename it over the store, fsync the directory. Rename is atomic, so
//! the store's name always names a complete file; the fsyncs make sure the
//! new file's data is on disk before the name points at it. Appending in
//! place instead would leave a torn last line after a crash, and a failed
//! write could not be taken back. The price is copying the store on every
//! append, which is what the caller's deduplication reads anyway.
//!
//! The store is opened for writing to be locked, so a store this process
//! may not write is refused, as a plain append to it would be. On any error
//! the temporary file is removed and the store left alone. A
//! process killed mid-append can leave its temporary file behind; the next
//! append removes such leftovers, since while it holds the lock no other
//! append can be writing one.
//!
//! # Why the lock is on the store itself
//!
//! The lock is an exclusive `flock` ([`File::lock`]) on the store file,
//! not on a lock file beside it: no extra file appears in the user's
//! directory to be listed, copied, synced or wondered about, and there is no
//! question which of two paths (link or target) a lock file belongs to.
//! The catch is that each append renames a new file over the store: a
//! process waiting on the old file's lock wakes up holding a lock on a file
//! that no longer has the name. So after locking, the locked file's device
//! and inode are compared with those the store's path names now, and on a
//! mismatch the lock is dropped and taken again on the new file. A missing
//! store is created empty with `O_EXCL` and then locked like any other, so
//! two processes creating it at once agree on one file; if nothing is
//! added in the end, the empty file is removed again before the lock is
//! released, and anyone waiting on it sees the name gone and starts over.
//!
//! These guarantees rest on POSIX rename and `flock`; they are made for
//! local Unix filesystems. Extended attributes and ACLs of the store are
//! not copied to the new file.

use std::fs::{self, File, OpenOptions, Permissions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Why an append did not happen. Nothing was written in either case.
#[derive(Debug, thiserror::Error)]
pub enum AppendError<E> {
    /// Reading, locking or writing failed; the message names the store.
    #[error("{0}")]
    Io(io::Error),
    /// The caller's function refused, with its own error.
    #[error("{0}")]
    Refused(E),
}

/// Numbers the temporary files of this process, so that two stores in one
/// directory, or a leftover from a process that had the same pid, never
/// clash.
static TEMP_SEQUENCE: AtomicU64 = AtomicU64::new(0);

/// Adds lines to the end of `store` under an exclusive lock.
///
/// `new_lines` receives the store's current contents (empty if it does not
/// exist yet) and returns the bytes to add with a value handed back to the
/// caller. The bytes must be whole lines, each ending with `\n`; if the
/// store does not end with one, one is put before them. Empty bytes write
/// nothing. See the module documentation for the guarantees.
pub fn append_with<T, E>(
    store: &Path,
    new_lines: impl FnOnce(&[u8]) -> Result<(Vec<u8>, T), E>,
) -> Result<T, AppendError<E>> {
    let fail = |doing: &str, error: io::Error| {
        let message = format!("{}: {doing}: {error}", store.display());
        AppendError::Io(io::Error::new(error.kind(), message))
    };
    let target = resolve_links(store).map_err(|e| fail("cannot follow the link", e))?;
    let (mut file, created) = lock(&target).map_err(|e| fail("cannot lock", e))?;
    // Dropping `file` releases the lock; `discard` first removes the empty
    // store this call created, while the lock still keeps others out.
    let discard = |file: File| {
        if created {
            let _ = fs::remove_file(&target);
        }
        drop(file);
    };

    let mut old = Vec::new();
    let read = file.metadata().and_then(|metadata| {
        if metadata.is_file() {
            file.read_to_end(&mut old).map(|_| metadata)
        } else {
            Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "not a regular file",
            ))
        }
    });
    let metadata = match read {
        Ok(metadata) => metadata,
        Err(error) => {
            discard(file);
            return Err(fail("cannot read", error));
        }
    };

    let (new, value) = match new_lines(&old) {
        Ok(answer) => answer,
        Err(refusal) => {
            discard(file);
            return Err(AppendError::Refused(refusal));
        }
    };
    if new.is_empty() {
        discard(file);
        return Ok(value);
    }
    if !new.ends_with(b"\n") {
        discard(file);
        let error = io::Error::new(
            io::ErrorKind::InvalidInput,
            "the new lines do not end with a line break",
        );
        return Err(fail("cannot append", error));
    }

    let separator: &[u8] = if old.is_empty() || old.ends_with(b"\n") {
        b""
    } else {
        b"\n"
    };
    let written = replace(&target, &metadata, &[&old, separator, &new]);
    // Only now, with the new file in place (or the attempt given up), may
    // others go on.
    match written {
        Ok(()) => {
            drop(file);
            Ok(value)
        }
        Err(error) => {
            discard(file);
            Err(fail("cannot write the new store", error))
        }
    }
}

/// Follows `path` through symbolic links to the file they name, which may
/// not exist yet.
fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    // Linux gives up after 40 links too.
    const MAX_LINKS: usize = 40;
    let mut path = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&path) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let target = fs::read_link(&path)?;
                // A relative target is relative to the link's directory;
                // joining an absolute one gives the absolute one.
                path = path
                    .parent()
                    .map_or_else(|| target.clone(), |dir| dir.join(&target));
            }
            Ok(_) => return Ok(path),
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(path),
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        "too many levels of symbolic links",
    ))
}

/// Opens `path` (creating it empty if missing) and locks it, until the
/// locked file is the one the path names. Says whether this call created it.
fn lock(path: &Path) -> io::Result<(File, bool)> {
    loop {
        let (file, created) = match open(path, true) {
            Ok(file) => (file, true),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => match open(path, false) {
                Ok(file) => (file, false),
                // Removed between the two opens: start over, unless the
                // name has become a link, which `O_EXCL` would never create.
                Err(error) if error.kind() == io::ErrorKind::NotFound => {
                    if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
                        return Err(io::Error::other("the store became a symbolic link"));
                    }
                    continue;
                }
                Err(error) => return Err(error),
            },
            Err(error) => return Err(error),
        };
        file.lock()?;
        let locked = file.metadata()?;
        match fs::metadata(path) {
            Ok(named) if same_file(&locked, &named) => return Ok((file, created)),
            // Replaced or removed while this call waited for the lock.
            Ok(_) => {}
            Err(error) if error.kind() == io::ErrorKind::NotFound => {}
            Err(error) => return Err(error),
        }
    }
}

/// Opens `path` to read and write, creating it only if `create` and only if
/// it does not exist.
fn open(path: &Path, create: bool) -> io::Result<File> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(create)
        .open(path)
}

/// Whether two metadata describe the same file.
#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

/// Whether two metadata describe the same file: without inode numbers the
/// best guess is that the lock is still on the named file.
#[cfg(not(unix))]
fn same_file(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    true
}

/// Makes `store` hold `parts`, one after the other, through a temporary file
/// renamed over it. The caller holds the lock.
fn replace(store: &Path, old: &fs::Metadata, parts: &[&[u8]]) -> io::Result<()> {
    let dir = match store.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = store
        .file_name()
        .ok_or_else(|| io::Error::other("the store has no file name"))?;
    let name = name.to_string_lossy();
    remove_leftovers(dir, &name);

    let (mut temp, temp_path) = create_temp(dir, &name)?;
    let written = (|| {
        keep_owner_and_mode(&temp, old.permissions(), old)?;
        for part in parts {
            temp.write_all(part)?;
        }
        temp.sync_all()?;
        drop(temp);
        fs::rename(&temp_path, store)?;
        Ok(())
    })();
    if let Err(error) = written {
        let _ = fs::remove_file(&temp_path);
        return Err(error);
    }
    // The store is complete under its name now, whatever follows. Some
    // filesystems cannot sync a directory; the rename stands all the same.
    let _ = sync_dir(dir);
    Ok(())
}

/// Creates a new temporary file for the store `name` in `dir`, readable by
/// its owner only until it is given the store's mode.
fn create_temp(dir: &Path, name: &str) -> io::Result<(File, PathBuf)> {
    let pid = std::process::id();
    loop {
        let sequence = TEMP_SEQUENCE.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!(".{name}.{pid}.{sequence}.tmp"));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(&path) {
            Ok(file) => return Ok((file, path)),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {}
            Err(error) => return Err(error),
        }
    }
}

/// Removes temporary files other appends to the store `name` left behind
/// when they were killed. Only names of exactly the form this module makes
/// are touched; failures are ignored, as leftovers do no harm.
fn remove_leftovers(dir: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(middle) = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .and_then(|n| n.strip_suffix(".tmp"))
        else {
            continue;
        };
        let numbers: Vec<&str> = middle.split('.').collect();
        if numbers.len() == 2
            && numbers
                .iter()
                .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Gives the new file the old store's mode, and its owner and group where
/// this process is allowed to.
fn keep_owner_and_mode(file: &File, mode: Permissions, old: &fs::Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let new = file.metadata()?;
        if (new.uid(), new.gid()) != (old.uid(), old.gid()) {
            // Only root may give a file away; anyone may pick one of their
            // own groups. A refusal leaves the file as the user's own.
            if std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).is_err() {
                let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
            }
        }
    }
    #[cfg(not(unix))]
    let _ = old;
    file.set_permissions(mode)
}

/// Makes a rename in `dir` durable.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Directories cannot be opened as files here; the rename is as durable as
/// the platform makes it.
#[cfg(not(unix))]
fn sync_dir(_: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use std::collections::HashSet;
    use std::convert::Infallible;
    use std::io::{BufRead, BufReader};
    use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt, symlink};
    use std::os::unix::process::ExitStatusExt;
    use std::process::{Child, Command, ExitStatus, Stdio};
    use std::thread;
    use std::time::{Duration, Instant, SystemTime};

    use super::*;

    /// Appends `lines` as they are.
    fn append(store: &Path, lines: &str) -> Result<(), AppendError<Infallible>> {
        append_with(store, |_| Ok((lines.as_bytes().to_vec(), ())))
    }

    fn store_in(dir: &tempfile::TempDir) -> PathBuf {
        dir.path().join("articles.jsonl")
    }

    /// The names of the temporary files in `dir`.
    fn leftovers(dir: &Path) -> Vec<String> {
        let names = fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name());
        names
            .filter_map(|n| n.into_string().ok())
            .filter(|n| Path::new(n).extension().is_some_and(|e| e == "tmp"))
            .collect()
    }

    const OLD: &str = "{\"title\":\"Ferry timetable changes\"}\n";
    const NEW: &str =
        "{\"title\":\"Harbour dredging resumes\"}\n{\"title\":\"Lighthouse reopens\"}\n";

    #[test]
    fn a_missing_store_is_created_with_the_new_lines() {
        let dir = tempfile::tempdir().unwrap();
        let store = store_in(&dir);
        append(&store, NEW).unwrap();
        assert_eq!(fs::read_to_string(&store).unwrap(), NEW);
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn an_empty_store_gets_just_the_new_lines() {
        let dir = tempfile::tempdir().unwrap();
        let store = store_in(&dir);
        fs::write(&store, "").unwrap();
        append(&store, NEW).unwrap();
        assert_eq!(fs::read_to_string(&store).unwrap(), NEW);
    }

    #[test]
    fn a_line_break_goes_between_only_when_the_store_lacks_one() {
        let dir = tempfile::tempdir().unwrap();
        let store = store_in(&dir);
        fs::write(&store, OLD.trim_end()).unwrap();
        append(&store, NEW).unwrap();
        assert_eq!(fs::read_to_string(&store).unwrap(), format!("{OLD}{NEW}"));
        append(&store, OLD).unwrap();
        assert_eq!(
            fs::read_to_string(&store).unwrap(),
            format!("{OLD}{NEW}{OLD}")
        );
    }

    #[test]
    fn the_caller_sees_the_current_contents_and_gets_its_value_back() {
        let dir = tempfile::tempdir().unwrap();
        let store = store_in(&dir);
        fs::write(&store, OLD).unwrap();
        // Adds only the lines not there yet, and says how many that was.
        let add_missing = |old: &[u8]| {
            let old = String::from_utf8_lossy(old);
            let fresh: String = NEW
                .split_inclusive('\n')
                .filter(|l| !old.lines().any(|o| o == l.trim_end()))
                .collect();
            let count = fresh.lines().count();
            Ok::<_, Infallible>((fresh.into_bytes(), count))
        };
        assert_eq!(append_with(&store, add_missing).unwrap(), 2);
        assert_eq!(append_with(&store, add_missing).unwrap(), 0);
        assert_eq!(fs::read_to_string(&store).unwrap(), format!("{OLD}{NEW}"));
    }

    #[test]
    fn nothing_is_written_when_the_caller_adds_nothing_or_refuses() {
        let dir = tempfile::tempdir().unwrap();
        let store = store_in(&dir);
        fs::write(&store, OLD).unwrap();
        let long_ago = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
        File::options()
            .write(true)
            .open(&store)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
        let before = fs::metadata(&store).unwrap();

        let refused = append_with(&store, |_| Err::<(Vec<u8>, ()), _>("feed already imported"));
        assert!(matches!(
            refused,
            Err(AppendError::Refused("feed already imported"))
        ));
        append_with(&store, |_| Ok::<_, Infallible>((Vec::new(), ()))).unwrap();
        let unterminated = append(&store, "{\"title\":\"No line break\"}").unwrap_err();
        assert!(
            matches!(&unterminated, AppendError::Io(e) if e.kind() == io::ErrorKind::InvalidInput),
            "{unterminated}"
        );

        let after = fs::metadata(&store).unwrap();
        assert_eq!(fs::read_to_string(&store).unwrap(), OLD);
        assert_eq!(after.modified().unwrap(), long_ago);
        assert_eq!(
            (after.ino(), after.modified().unwrap()),
            (before.ino(), before.modified().unwrap())
        );
        assert!(leftovers(dir.path()).is_empty());

        // A store that did not exist still does not.
        let missing = dir.path().join("missing.jsonl");
        assert!(append_with(&missing, |_| Err::<(Vec<u8>, ()), _>("no")).is_err());
        append_with(&missing, |_| Ok::<_, Infallible>((Vec::new(), ()))).unwrap();
        assert!(!missing.exists());
    }

    #[test]
    fn an_io_error_names_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("no-such-dir").join("articles.jsonl");
        let error = append(&store, NEW).unwrap_err();
        let AppendError::Io(io_error) = &error else {
            panic!("{error}")
        };
        assert_eq!(io_error.kind(), io::ErrorKind::NotFound);
        let message = error.to_string();
        assert!(
            message.starts_with(&format!("{}: cannot lock: ", store.display())),
            "{message}"
        );
        assert!(!message.contains('\n'));
    }

    #[test]
    fn only_a_regular_file_is_a_store() {
        let dir = tempfile::tempdir().unwrap();
        let pipe = dir.path().join("pipe.jsonl");
        let made = Command::new("mkfifo").arg(&pipe).status().unwrap();
        assert!(made.success());
        let error = append(&pipe, NEW).unwrap_err().to_string();
        assert!(
            error.ends_with("cannot read: not a regular file"),
            "{error}"
        );
        assert!(fs::symlink_metadata(&pipe).unwrap().file_type().is_fifo());
        let error = append(dir.path(), NEW).unwrap_err().to_string();
        assert!(error.contains("cannot lock"), "{error}");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn the_mode_and_owner_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let store = store_in(&dir);
        fs::write(&store, OLD).unwrap();
        fs::set_permissions(&store, Permissions::from_mode(0o640)).unwrap();
        // Giving the file away works only for root; others keep their own.
        let given_away = std::os::unix::fs::chown(&store, Some(4242), Some(4343)).is_ok();
        let before = fs::metadata(&store).unwrap();
        append(&store, NEW).unwrap();
        let after = fs::metadata(&store).unwrap();
        assert_ne!(after.ino(), before.ino(), "the store was not replaced");
        assert_eq!(after.mode() & 0o7777, 0o640);
        assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
        if given_away {
            assert_eq!((after.uid(), after.gid()), (4242, 4343));
        }
    }

    #[test]
    fn a_linked_store_has_its_target_replaced_and_the_link_kept() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("data")).unwrap();
        let target = dir.path().join("data").join("real.jsonl");
        fs::write(&target, OLD).unwrap();
        let link = store_in(&dir);
        symlink("data/real.jsonl", &link).unwrap();
        append(&link, NEW).unwrap();
        assert_eq!(fs::read_link(&link).unwrap(), Path::new("data/real.jsonl"));
        assert_eq!(fs::read_to_string(&target).unwrap(), format!("{OLD}{NEW}"));

        // A link to a store not made yet makes it where the link points.
        let dangling = dir.path().join("later.jsonl");
        symlink("data/later.jsonl", &dangling).unwrap();
        append(&dangling, NEW).unwrap();
        assert!(
            fs::symlink_metadata(&dangling)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("data/later.jsonl")).unwrap(),
            NEW
        );
        assert!(leftovers(dir.path()).is_empty() && leftovers(&dir.path().join("data")).is_empty());
    }

    #[test]
    fn leftovers_of_killed_appends_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let store = store_in(&dir);
        let names = [
            ".articles.jsonl.4321.0.tmp",
            ".articles.jsonl.notes.tmp",
            ".articles.jsonl.1.2.3.tmp",
            ".other.jsonl.4321.0.tmp",
            "articles.jsonl.4321.0.tmp",
        ];
        for name in names {
            fs::write(dir.path().join(name), "half a li").unwrap();
        }
        append(&store, NEW).unwrap();
        let mut left = leftovers(dir.path());
        left.sort();
        let mut kept = names[1..].to_vec();
        kept.sort_unstable();
        assert_eq!(left, kept);
    }

    /// The tag and number of each line, checking that every line is whole.
    #[track_caller]
    fn tagged_lines(text: &str) -> Vec<(String, u32)> {
        assert!(text.ends_with('\n'));
        text.lines()
            .map(|line| {
                let value: serde_json::Value = serde_json::from_str(line).expect(line);
                let tag = value["tag"].as_str().expect(line).to_owned();
                let number = value["n"]
                    .as_u64()
                    .and_then(|n| u32::try_from(n).ok())
                    .expect(line);
                (tag, number)
            })
            .collect()
    }

    /// Asserts that each of `tags` appended lines `0..count`, each once, in order.
    #[track_caller]
    fn assert_all_lines(text: &str, tags: &[String], count: u32) {
        let lines = tagged_lines(text);
        assert_eq!(lines.len(), tags.len() * count as usize);
        assert_eq!(
            lines.iter().collect::<HashSet<_>>().len(),
            lines.len(),
            "a line is doubled"
        );
        for tag in tags {
            let numbers: Vec<u32> = lines
                .iter()
                .filter(|(t, _)| t == tag)
                .map(|(_, n)| *n)
                .collect();
            assert_eq!(numbers, (0..count).collect::<Vec<_>>(), "lines of {tag}");
        }
    }

    fn tagged_line(tag: &str, n: u32) -> String {
        format!("{{\"tag\":\"{tag}\",\"n\":{n},\"title\":\"Dispatch {n} from {tag}\"}}\n")
    }

    #[test]
    fn eight_threads_appending_at_once_lose_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store = store_in(&dir);
        let tags: Vec<String> = (0..8).map(|t| format!("thread-{t}")).collect();
        thread::scope(|scope| {
            for tag in &tags {
                let store = &store;
                scope.spawn(move || {
                    for n in 0..50 {
                        append(store, &tagged_line(tag, n)).unwrap();
                    }
                });
            }
        });
        assert_all_lines(&fs::read_to_string(&store).unwrap(), &tags, 50);
        assert!(leftovers(dir.path()).is_empty());
    }

    // The process tests run this test binary again as a child, running only
    // `child_process`, told what to do by these variables.
    const CHILD_TEST: &str = "import::append::tests::child_process";
    const ROLE: &str = "NEWSDESK_APPEND_TEST_ROLE";
    const STORE: &str = "NEWSDESK_APPEND_TEST_STORE";
    const TAG: &str = "NEWSDESK_APPEND_TEST_TAG";
    const GO: &str = "NEWSDESK_APPEND_TEST_GO";
    /// What the child prints once it holds the lock.
    const LOCKED: &str = "append-child: locked";
    const LINES_PER_CHILD: u32 = 100;
    /// The payload of the kill test: 50 MB in lines of 100 bytes.
    const BIG_LINES: usize = 500_000;
    const FULL_DISK_BYTES: usize = 1 << 20;

    /// `count` lines of exactly 100 bytes. They need not differ: the store
    /// is compared whole with what it should be.
    fn big_payload(count: usize) -> Vec<u8> {
        let line = format!(
            "{{\"title\":\"Storm surge\",\"body\":\"{}\"}}\n",
            "~".repeat(66)
        );
        assert_eq!(line.len(), 100);
        line.repeat(count).into_bytes()
    }

    /// The command that runs `role` in a child on `store`, through `sh -c
    /// SCRIPT` if a script is given (`"$0" "$@"` being the child).
    fn child(role: &str, store: &Path, script: Option<&str>) -> Command {
        let exe = std::env::current_exe().unwrap();
        let args = [
            "--exact",
            CHILD_TEST,
            "--nocapture",
            "--ignored",
            "--test-threads",
            "1",
        ];
        let mut command = if let Some(script) = script {
            let mut command = Command::new("sh");
            command.arg("-c").arg(script).arg(exe).args(args);
            command
        } else {
            let mut command = Command::new(exe);
            command.args(args);
            command
        };
        command
            .env(ROLE, role)
            .env(STORE, store)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        command
    }

    /// Waits for `child` to end, killing it and failing after a minute.
    fn finish(child: &mut Child) -> ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                return status;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                panic!("a child process hung");
            }
            thread::sleep(Duration::from_millis(5));
        }
    }

    /// Everything `child` wrote, for failure messages.
    fn output_of(child: &mut Child) -> String {
        let mut output = String::new();
        if let Some(stdout) = child.stdout.as_mut() {
            let _ = stdout.read_to_string(&mut output);
        }
        if let Some(stderr) = child.stderr.as_mut() {
            let _ = stderr.read_to_string(&mut output);
        }
        output
    }

    /// Reads the child's output until it says it holds the lock.
    fn wait_until_locked(child: &mut Child) -> BufReader<std::process::ChildStdout> {
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        // The harness may print the test's name on the same line first.
        while !line.trim_end().ends_with(LOCKED) {
            line.clear();
            if stdout.read_line(&mut line).unwrap() == 0 {
                let status = finish(child);
                panic!(
                    "the child ended ({status}) before locking: {}",
                    output_of(child)
                );
            }
        }
        stdout
    }

    #[test]
    #[ignore = "run by the process tests, as a child"]
    fn child_process() {
        let Ok(role) = std::env::var(ROLE) else {
            return;
        };
        let store = PathBuf::from(std::env::var_os(STORE).unwrap());
        match role.as_str() {
            "tagged" => {
                let tag = std::env::var(TAG).unwrap();
                let go = PathBuf::from(std::env::var_os(GO).unwrap());
                // Both children start appending together, when the file
                // appears.
                while !go.exists() {
                    thread::sleep(Duration::from_millis(1));
                }
                for n in 0..LINES_PER_CHILD {
                    append(&store, &tagged_line(&tag, n)).unwrap();
                }
            }
            "big" | "full" => {
                let payload = if role == "big" {
                    big_payload(BIG_LINES)
                } else {
                    vec![b'\n'; FULL_DISK_BYTES]
                };
                let result = append_with(&store, |_| {
                    println!("{LOCKED}");
                    io::stdout().flush()?;
                    Ok::<_, io::Error>((payload, ()))
                });
                match result {
                    Ok(()) => println!("append-child: appended"),
                    Err(error) => println!("append-child: failed: {error}"),
                }
            }
            other => panic!("unknown role {other}"),
        }
    }

    #[test]
    fn two_processes_appending_at_once_lose_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store = store_in(&dir);
        let go = dir.path().join("go");
        let tags: Vec<String> = ["first", "second"].map(|t| format!("process-{t}")).to_vec();
        let mut children: Vec<Child> = tags
            .iter()
            .map(|tag| {
                child("tagged", &store, None)
                    .env(TAG, tag)
                    .env(GO, &go)
                    .spawn()
                    .unwrap()
            })
            .collect();
        fs::write(&go, "").unwrap();
        for child in &mut children {
            let status = finish(child);
            assert!(status.success(), "{status}: {}", output_of(child));
        }
        assert_all_lines(&fs::read_to_string(&store).unwrap(), &tags, LINES_PER_CHILD);
    }

    /// A number in `0..1` that differs from run to run.
    fn jitter(state: &mut u64) -> f64 {
        // xorshift64
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        #[expect(clippy::cast_precision_loss, reason = "only a fraction is wanted")]
        let fraction = (*state >> 11) as f64 / (1_u64 << 53) as f64;
        fraction
    }

    #[test]
    fn a_killed_append_leaves_the_old_store_or_all_the_new_lines() {
        let dir = tempfile::tempdir().unwrap();
        let store = store_in(&dir);
        let payload = big_payload(BIG_LINES);
        let appended = [OLD.as_bytes(), &payload].concat();
        fs::write(&store, OLD).unwrap();

        // One whole append first, to learn how long one takes.
        let mut whole = child("big", &store, None).spawn().unwrap();
        let _stdout = wait_until_locked(&mut whole);
        let started = Instant::now();
        let status = finish(&mut whole);
        let span = started.elapsed();
        assert!(status.success(), "{status}: {}", output_of(&mut whole));
        assert!(
            fs::read(&store).unwrap() == appended,
            "the whole append went wrong"
        );

        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap();
        let mut state = u64::from(nanos.subsec_nanos()) | 1;
        let (mut old, mut new) = (0, 0);
        for round in 0..20 {
            fs::write(&store, OLD).unwrap();
            let mut victim = child("big", &store, None).spawn().unwrap();
            let _stdout = wait_until_locked(&mut victim);
            // Spread over the whole append and a little after it.
            let at = (f64::from(round) + jitter(&mut state)) / 20.0 * 1.2;
            thread::sleep(span.mul_f64(at));
            victim.kill().unwrap();
            finish(&mut victim);
            let now = fs::read(&store).unwrap();
            if now == OLD.as_bytes() {
                old += 1;
            } else {
                assert!(
                    now == appended,
                    "round {round}: {} bytes, neither before nor after",
                    now.len()
                );
                new += 1;
            }
        }
        eprintln!(
            "one append took {span:?}; killed 20 times: {old} left as before, {new} complete"
        );
        append(&store, NEW).unwrap();
        assert!(
            leftovers(dir.path()).is_empty(),
            "{:?}",
            leftovers(dir.path())
        );
    }

    #[test]
    fn a_full_disk_leaves_the_store_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let store = store_in(&dir);
        fs::write(&store, OLD).unwrap();
        let before = fs::metadata(&store).unwrap();

        // With SIGXFSZ ignored, the write fails with EFBIG as on a full disk.
        let script = "trap '' XFSZ; ulimit -f 64 && exec \"$0\" \"$@\"";
        let mut refused = child("full", &store, Some(script)).spawn().unwrap();
        let status = finish(&mut refused);
        let output = output_of(&mut refused);
        assert!(status.success(), "{status}: {output}");
        let expected = format!(
            "append-child: failed: {}: cannot write the new store: ",
            store.display()
        );
        assert!(output.contains(&expected), "{output}");
        assert_eq!(fs::read_to_string(&store).unwrap(), OLD);
        let after = fs::metadata(&store).unwrap();
        assert_eq!(
            (after.ino(), after.modified().unwrap()),
            (before.ino(), before.modified().unwrap())
        );
        assert!(
            leftovers(dir.path()).is_empty(),
            "{:?}",
            leftovers(dir.path())
        );

        // By default SIGXFSZ kills the process mid-write.
        let mut killed = child("full", &store, Some("ulimit -f 64 && exec \"$0\" \"$@\""))
            .spawn()
            .unwrap();
        let status = finish(&mut killed);
        assert!(
            status.signal().is_some(),
            "{status}: {}",
            output_of(&mut killed)
        );
        assert_eq!(fs::read_to_string(&store).unwrap(), OLD);
        append(&store, NEW).unwrap();
        assert_eq!(fs::read_to_string(&store).unwrap(), format!("{OLD}{NEW}"));
        assert!(leftovers(dir.path()).is_empty());
    }
}
