//! What a store file is, so that a cache is never taken for a file that
//! changed: its path, size, modification time, and a checksum of samples
//! of its content spread over the whole file.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

/// How many bytes are sampled at the start and at the end of a file.
const ENDS: u64 = 64 * 1024;
/// How many blocks are sampled between them, and how long each is.
const BLOCKS: u64 = 64;
const BLOCK: u64 = 4 * 1024;

/// A store file as it is now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    /// The path, made absolute.
    pub path: PathBuf,
    /// Its length in bytes.
    pub size: u64,
    /// When it was last modified: seconds and nanoseconds since the epoch.
    pub modified: (i64, u32),
    /// A CRC-32 of its first and last 64 KiB and of 64 blocks of 4 KiB
    /// spread evenly between them.
    pub sample: u32,
}

impl Identity {
    /// The identity of the regular file at `path`.
    pub fn of(path: &Path) -> io::Result<Self> {
        // Opening a named pipe would wait for a writer: it is not opened.
        if !std::fs::metadata(path)?.is_file() {
            return Err(io::Error::other("not a regular file"));
        }
        let mut file = File::open(path)?;
        let metadata = file.metadata()?;
        if !metadata.is_file() {
            return Err(io::Error::other("not a regular file"));
        }
        let size = metadata.len();
        let modified = metadata.modified()?;
        let modified = match modified.duration_since(UNIX_EPOCH) {
            Ok(after) => (
                i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
                after.subsec_nanos(),
            ),
            Err(before) => {
                let before = before.duration();
                (
                    -i64::try_from(before.as_secs()).unwrap_or(i64::MAX),
                    before.subsec_nanos(),
                )
            }
        };
        Ok(Self {
            path: std::path::absolute(path)?,
            size,
            modified,
            sample: sample(&mut file, size)?,
        })
    }

    /// Whether the file at this identity's path is still this file.
    pub fn holds(&self) -> bool {
        Self::of(&self.path).is_ok_and(|now| now == *self)
    }

    /// Whether the file at this identity's path begins with this file and
    /// goes on past it: it was appended to (or so its start says).
    pub fn grown_into(&self, now: &Self) -> bool {
        now.path == self.path
            && now.size > self.size
            && File::open(&self.path)
                .and_then(|mut file| sample(&mut file, self.size))
                .is_ok_and(|sample| sample == self.sample)
    }
}

/// The checksum of samples of the first `size` bytes of `file`.
fn sample(file: &mut File, size: u64) -> io::Result<u32> {
    let mut crc = crc32fast::Hasher::new();
    crc.update(&size.to_le_bytes());
    let mut buffer = vec![0; usize::try_from(ENDS).unwrap_or(65_536)];
    let mut take = |file: &mut File, at: u64, len: u64| -> io::Result<()> {
        let len = len.min(size.saturating_sub(at));
        let chunk = &mut buffer[..usize::try_from(len).unwrap_or(0)];
        file.seek(SeekFrom::Start(at))?;
        file.read_exact(chunk)?;
        crc.update(chunk);
        Ok(())
    };
    if size <= 2 * ENDS + BLOCKS * BLOCK {
        // Small enough to read whole, in pieces.
        let mut at = 0;
        while at < size {
            take(file, at, ENDS)?;
            at += ENDS;
        }
    } else {
        take(file, 0, ENDS)?;
        let between = size - 2 * ENDS;
        for block in 0..BLOCKS {
            take(file, ENDS + between / BLOCKS * block, BLOCK)?;
        }
        take(file, size - ENDS, ENDS)?;
    }
    Ok(crc.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn file_with(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    #[test]
    fn a_change_anywhere_in_a_small_file_changes_its_identity() {
        let dir = tempfile::tempdir().unwrap();
        let bytes = vec![b'a'; 100_000];
        let path = file_with(dir.path(), "s.json", &bytes);
        let before = Identity::of(&path).unwrap();
        let mut changed = bytes.clone();
        changed[77_777] = b'b';
        let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
        std::fs::write(&path, &changed).unwrap();
        // The same size and time: only the content tells.
        File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(modified)
            .unwrap();
        let after = Identity::of(&path).unwrap();
        assert_eq!((before.size, before.modified), (after.size, after.modified));
        assert_ne!(before, after);
        assert!(!before.holds());
    }

    #[test]
    fn an_appended_file_has_grown_from_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = file_with(dir.path(), "s.jsonl", &vec![b'x'; 500_000]);
        let before = Identity::of(&path).unwrap();
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(b"more\n")
            .unwrap();
        let after = Identity::of(&path).unwrap();
        assert!(before.grown_into(&after));
        assert!(!after.grown_into(&before));
        std::fs::write(&path, vec![b'y'; 600_000]).unwrap();
        assert!(
            !before.grown_into(&Identity::of(&path).unwrap()),
            "rewritten, not appended"
        );
    }
}
