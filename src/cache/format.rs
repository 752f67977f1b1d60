//! The cache file: a header, a table of sections, and the sections.
//!
//! ```text
//! 0   magic "newsdesk cache\r\n"       16 bytes
//! 16  format version                   u32
//! 20  CRC-32 of bytes 24..end of table u32
//! 24  length of the whole file         u64
//! 32  number of sections               u64
//! 40  per section: kind u32, CRC-32 u32, offset u64, length u64
//! ..  the sections, each at an offset that is a multiple of 8
//! ```
//!
//! Numbers are little-endian. The header is written last, so that a file
//! whose writing stopped half-way has no valid header; the writer then
//! renames the file into place, so that a reader sees a whole file or
//! none. Every section has its own CRC: small ones are checked when the
//! file is read, the word index (hundreds of megabytes, used in place) by
//! [`Mapped::check`] off the reader's thread.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

const MAGIC: &[u8; 16] = b"newsdesk cache\r\n";
/// The version of this layout and of what the sections hold; any change
/// to either makes older caches be rebuilt.
pub const VERSION: u32 = 3;
const FIXED: usize = 40;
const ENTRY: usize = 24;
/// More sections than any version writes: a count past it is damage.
const MOST_SECTIONS: u64 = 64;

/// Writes a cache file section by section.
pub struct Writer {
    out: BufWriter<File>,
    at: u64,
    table: Vec<(u32, u32, u64, u64)>,
    room: usize,
}

impl Writer {
    /// Starts a file with room for `sections` sections.
    pub fn new(file: File, sections: usize) -> io::Result<Self> {
        let mut out = BufWriter::with_capacity(1 << 20, file);
        let header = FIXED + ENTRY * sections;
        out.write_all(&vec![0; header])?;
        Ok(Self {
            out,
            at: header as u64,
            table: Vec::new(),
            room: sections,
        })
    }

    /// Adds a section of `kind` holding `bytes`.
    pub fn section(&mut self, kind: u32, bytes: &[u8]) -> io::Result<()> {
        if self.table.len() == self.room {
            return Err(io::Error::other("more sections than room was made for"));
        }
        let padding = self.at.next_multiple_of(8) - self.at;
        self.out
            .write_all(&[0; 8][..usize::try_from(padding).unwrap_or(0)])?;
        self.at += padding;
        self.out.write_all(bytes)?;
        self.table
            .push((kind, crc32fast::hash(bytes), self.at, bytes.len() as u64));
        self.at += bytes.len() as u64;
        Ok(())
    }

    /// Writes the header and the table, and gives the file back.
    pub fn finish(self) -> io::Result<File> {
        let mut table = Vec::with_capacity(FIXED - 24 + ENTRY * self.room);
        table.extend_from_slice(&self.at.to_le_bytes());
        table.extend_from_slice(&(self.table.len() as u64).to_le_bytes());
        for &(kind, crc, offset, len) in &self.table {
            table.extend_from_slice(&kind.to_le_bytes());
            table.extend_from_slice(&crc.to_le_bytes());
            table.extend_from_slice(&offset.to_le_bytes());
            table.extend_from_slice(&len.to_le_bytes());
        }
        let mut file = self
            .out
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        file.seek(SeekFrom::Start(0))?;
        file.write_all(MAGIC)?;
        file.write_all(&VERSION.to_le_bytes())?;
        file.write_all(&crc32fast::hash(&table).to_le_bytes())?;
        file.write_all(&table)?;
        Ok(file)
    }
}

/// A cache file mapped into memory, its header checked.
#[derive(Debug)]
pub struct Mapped {
    /// The file's bytes.
    pub bytes: Arc<memmap2::Mmap>,
    sections: Vec<Section>,
}

/// One section: its kind, CRC and place.
#[derive(Debug, Clone)]
struct Section {
    kind: u32,
    crc: u32,
    range: Range<usize>,
}

/// Why a cache file was not used.
#[derive(Debug, thiserror::Error)]
pub enum Unusable {
    /// Written by another version of newsdesk.
    #[error("written by another version (format {0})")]
    Version(u32),
    /// Not whole, or damaged.
    #[error("damaged: {0}")]
    Damaged(&'static str),
    /// It could not be read.
    #[error("{0}")]
    Io(#[from] io::Error),
}

impl Mapped {
    /// Maps the cache file at `path` and checks its header and table.
    pub fn open(path: &Path) -> Result<Self, Unusable> {
        let file = File::open(path)?;
        let bytes = Arc::new(crate::column::map_file(&file)?);
        let head = bytes
            .get(..FIXED)
            .ok_or(Unusable::Damaged("shorter than its header"))?;
        if &head[..16] != MAGIC {
            return Err(Unusable::Damaged("not a cache file"));
        }
        let version = u32_at(head, 16);
        if version != VERSION {
            return Err(Unusable::Version(version));
        }
        let length = u64_at(head, 24);
        if length != bytes.len() as u64 {
            return Err(Unusable::Damaged("not the length its header says"));
        }
        let count = u64_at(head, 32);
        if count > MOST_SECTIONS {
            return Err(Unusable::Damaged("too many sections"));
        }
        let table_end = FIXED + ENTRY * usize::try_from(count).unwrap_or(0);
        let table = bytes
            .get(24..table_end)
            .ok_or(Unusable::Damaged("table cut short"))?;
        if crc32fast::hash(table) != u32_at(head, 20) {
            return Err(Unusable::Damaged("header checksum"));
        }
        let sections = (0..usize::try_from(count).unwrap_or(0))
            .map(|n| {
                let entry = &bytes[FIXED + ENTRY * n..FIXED + ENTRY * (n + 1)];
                let offset = usize::try_from(u64_at(entry, 8)).ok()?;
                let len = usize::try_from(u64_at(entry, 16)).ok()?;
                let range = offset..offset.checked_add(len)?;
                (range.end <= bytes.len() && offset % 8 == 0).then_some(Section {
                    kind: u32_at(entry, 0),
                    crc: u32_at(entry, 4),
                    range,
                })
            })
            .collect::<Option<Vec<_>>>()
            .ok_or(Unusable::Damaged("a section outside the file"))?;
        Ok(Self { bytes, sections })
    }

    /// The place of the section of `kind`, unchecked.
    pub fn range(&self, kind: u32) -> Option<Range<usize>> {
        self.sections
            .iter()
            .find(|section| section.kind == kind)
            .map(|section| section.range.clone())
    }

    /// The bytes of the section of `kind`, after checking its CRC.
    pub fn checked(&self, kind: u32) -> Result<&[u8], Unusable> {
        let section = self
            .sections
            .iter()
            .find(|section| section.kind == kind)
            .ok_or(Unusable::Damaged("a section is missing"))?;
        let bytes = &self.bytes[section.range.clone()];
        if crc32fast::hash(bytes) != section.crc {
            return Err(Unusable::Damaged("section checksum"));
        }
        Ok(bytes)
    }

    /// The CRCs and places of the sections of `kinds`, to be checked
    /// later with [`check`].
    pub fn sums(&self, kinds: &[u32]) -> Option<Vec<(u32, Range<usize>)>> {
        kinds
            .iter()
            .map(|kind| {
                self.sections
                    .iter()
                    .find(|section| section.kind == *kind)
                    .map(|section| (section.crc, section.range.clone()))
            })
            .collect()
    }
}

/// Whether the sections at `sums` of the file at `path` still have their
/// CRCs. The file is read, not mapped, so that checking a large section
/// leaves none of it in the process's memory.
pub fn check(path: &Path, sums: &[(u32, Range<usize>)]) -> bool {
    let Ok(mut file) = File::open(path) else {
        return false;
    };
    let mut buffer = vec![0; 1 << 20];
    sums.iter().all(|(crc, range)| {
        let mut hasher = crc32fast::Hasher::new();
        let mut left = range.len();
        if file.seek(SeekFrom::Start(range.start as u64)).is_err() {
            return false;
        }
        while left > 0 {
            let chunk = &mut buffer[..left.min(1 << 20)];
            if file.read_exact(chunk).is_err() {
                return false;
            }
            hasher.update(chunk);
            left -= chunk.len();
        }
        hasher.finalize() == *crc
    })
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    let mut four = [0; 4];
    four.copy_from_slice(&bytes[at..at + 4]);
    u32::from_le_bytes(four)
}

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    let mut eight = [0; 8];
    eight.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(eight)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(dir: &Path, sections: &[(u32, &[u8])]) -> std::path::PathBuf {
        let path = dir.join("c.cache");
        let mut writer = Writer::new(File::create(&path).unwrap(), sections.len()).unwrap();
        for (kind, bytes) in sections {
            writer.section(*kind, bytes).unwrap();
        }
        writer.finish().unwrap();
        path
    }

    #[test]
    fn sections_come_back_checked_and_aligned() {
        let dir = tempfile::tempdir().unwrap();
        let path = written(dir.path(), &[(1, b"abc"), (2, &[7; 20])]);
        let mapped = Mapped::open(&path).unwrap();
        assert_eq!(mapped.checked(1).unwrap(), b"abc");
        assert_eq!(mapped.checked(2).unwrap(), [7; 20]);
        assert_eq!(mapped.range(2).unwrap().start % 8, 0);
        assert!(check(&path, &mapped.sums(&[1, 2]).unwrap()));
        assert!(mapped.checked(3).is_err());
    }

    #[test]
    fn damage_of_any_kind_is_told() {
        let dir = tempfile::tempdir().unwrap();
        let path = written(dir.path(), &[(1, b"abcdefgh"), (2, b"ijklmnop")]);
        let whole = std::fs::read(&path).unwrap();
        let open_with = |bytes: &[u8]| {
            std::fs::write(&path, bytes).unwrap();
            Mapped::open(&path)
        };
        // Cut short anywhere.
        for len in [0, 10, 39, 60, whole.len() - 1] {
            assert!(open_with(&whole[..len]).is_err(), "cut to {len}");
        }
        // Another version.
        let mut other = whole.clone();
        other[16] = 9;
        assert!(matches!(open_with(&other), Err(Unusable::Version(9))));
        // Every single byte changed: refused when opened, or when the
        // section is read.
        for at in 0..whole.len() {
            let mut damaged = whole.clone();
            damaged[at] ^= 0x20;
            let caught = match open_with(&damaged) {
                Err(_) => true,
                Ok(mapped) => mapped.checked(1).is_err() || mapped.checked(2).is_err(),
            };
            assert!(caught, "a change at byte {at} went unseen");
        }
        // Written by a run that stopped before its header: all zeros there.
        let mut half = whole.clone();
        half[..FIXED].fill(0);
        assert!(open_with(&half).is_err());
    }
}
