//! Reading one file as text, refusing what could hang or swamp the machine.
//!
//! Only regular files are opened: a named pipe would block until some other
//! process writes to it, and a device such as `/dev/zero` never ends. The
//! kind of file is checked before it is opened, and again on the open handle
//! in case it was swapped in between. A file larger than the caller's byte
//! budget is refused before a byte of it is read.

use std::fs::{self, File, Metadata};
use std::io::Read;
use std::path::Path;

use super::StoreError;

/// Reads the bytes of `path`, and tells how many it held.
///
/// A file larger than what is left of `budget` is refused with
/// [`StoreError::TooLarge`] before it is read.
pub(super) fn read_bytes(path: &Path, budget: Budget) -> Result<(Vec<u8>, u64), StoreError> {
    let io = |source| StoreError::Io {
        path: path.to_owned(),
        source,
    };
    let (file, metadata) = open(path, budget)?;
    let too_large = |size| StoreError::TooLarge {
        path: path.to_owned(),
        size,
        before: budget.used,
        limit: budget.limit,
    };
    let allowed = budget.limit.saturating_sub(budget.used);
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    // A file can grow after it was measured, and some (under /proc) claim
    // to be empty: reading stops one byte past the allowance either way.
    file.take(allowed.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > allowed {
        return Err(too_large(read));
    }
    Ok((bytes, read))
}

/// Opens the regular file at `path`, refusing it with
/// [`StoreError::TooLarge`] when it holds more than what is left of
/// `budget`.
pub(super) fn open(path: &Path, budget: Budget) -> Result<(File, Metadata), StoreError> {
    let io = |source| StoreError::Io {
        path: path.to_owned(),
        source,
    };
    regular_file(path, &fs::metadata(path).map_err(io)?)?;
    let file = File::open(path).map_err(io)?;
    let metadata = file.metadata().map_err(io)?;
    regular_file(path, &metadata)?;
    if metadata.len() > budget.limit.saturating_sub(budget.used) {
        return Err(StoreError::TooLarge {
            path: path.to_owned(),
            size: metadata.len(),
            before: budget.used,
            limit: budget.limit,
        });
    }
    Ok((file, metadata))
}

/// `bytes` of the file at `path` as UTF-8 text, byte for byte (a
/// byte-order mark is left for the reader to pass over, so that places in
/// the text are places in the file).
pub(super) fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, StoreError> {
    String::from_utf8(bytes).map_err(|err| StoreError::Encoding {
        path: path.to_owned(),
        offset: err.utf8_error().valid_up_to(),
    })
}

/// How many bytes of stores may still be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Budget {
    /// Bytes of stores read so far.
    pub used: u64,
    /// The most bytes all stores together may hold.
    pub limit: u64,
}

/// Refuses anything but a regular file, naming what it is instead.
fn regular_file(path: &Path, metadata: &Metadata) -> Result<(), StoreError> {
    if metadata.is_file() {
        return Ok(());
    }
    Err(StoreError::NotAFile {
        path: path.to_owned(),
        kind: kind_of(metadata),
    })
}

/// What a file that is not a regular file is, in words.
pub(super) fn kind_of(metadata: &Metadata) -> &'static str {
    let file_type = metadata.file_type();
    if file_type.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    "an unknown kind of file"
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use super::*;
    use crate::store::{Failure, Store};
    use std::path::PathBuf;
    use std::sync::mpsc;
    use std::time::Duration;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("newsdesk-file-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn fifo(path: &Path) {
        let made = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .unwrap();
        assert!(made.success(), "mkfifo {}", path.display());
    }

    /// Loads `paths` on another thread, failing the test instead of
    /// hanging if loading blocks (as opening a named pipe would).
    fn load_soon(paths: Vec<PathBuf>) -> Result<Store, StoreError> {
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || sender.send(Store::load(&paths)));
        receiver
            .recv_timeout(Duration::from_secs(10))
            .expect("loading did not block")
    }

    #[test]
    fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
        let dir = temp_dir("fifo");
        let pipe = dir.join("pipe.json");
        fifo(&pipe);
        let err = load_soon(vec![pipe.clone()]).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{}: a named pipe (FIFO), not a regular file",
                pipe.display()
            )
        );
        assert_eq!(err.failure(), Failure::Unreadable);
        // Inside a directory of stores, too.
        let err = load_soon(vec![dir]).unwrap_err();
        assert!(matches!(err, StoreError::NotAFile { .. }), "{err}");
    }

    #[test]
    fn a_device_is_refused_even_behind_a_store_name() {
        let dir = temp_dir("device");
        let zero = dir.join("zero.json");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        let err = load_soon(vec![zero.clone()]).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("{}: a character device, not a regular file", zero.display())
        );
        let err = load_soon(vec![PathBuf::from("/dev/null")]).unwrap_err();
        assert!(matches!(err, StoreError::NotAFile { .. }), "{err}");
    }

    #[test]
    fn a_directory_where_a_file_is_needed_is_refused() {
        let dir = temp_dir("dir-as-file");
        let err = crate::store::read_file(&dir, u64::MAX).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("{}: a directory, not a regular file", dir.display())
        );
        assert_eq!(err.failure(), Failure::Unreadable);
    }

    #[test]
    fn a_file_is_measured_before_it_is_read() {
        let dir = temp_dir("sparse");
        let path = dir.join("big.json");
        // Sparse: no disk and no memory, but a size the budget refuses.
        fs::File::create(&path).unwrap().set_len(5 << 30).unwrap();
        let budget = Budget {
            used: 0,
            limit: 1 << 30,
        };
        let err = read_bytes(&path, budget).unwrap_err();
        assert!(
            matches!(err, StoreError::TooLarge { size, .. } if size == 5 << 30),
            "{err}"
        );
    }

    #[test]
    fn reading_stops_past_the_budget_whatever_the_size_said() {
        // Files under /proc claim a size of 0 but have contents.
        let path = Path::new("/proc/self/status");
        if !path.exists() {
            return;
        }
        let budget = Budget { used: 0, limit: 8 };
        let err = read_bytes(path, budget).unwrap_err();
        assert!(matches!(err, StoreError::TooLarge { size: 9, .. }), "{err}");
    }
}
