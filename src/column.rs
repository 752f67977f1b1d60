//! Read-only arrays of plain numbers: built in memory, or read in place
//! from a mapped cache file, so that a large index costs no copy (and no
//! memory until it is used) when it comes from the cache.

use std::ops::Range;
use std::sync::Arc;

use bytemuck::Pod;

/// Maps `file` into memory, read-only: the one place newsdesk maps a file.
///
/// Mapping is unsafe by nature: another process may change the file while
/// it is mapped, which changes what is read, and a file cut shorter ends
/// the process (`SIGBUS`). newsdesk maps two kinds of file. Store files it
/// only reads; other programs replace them (as `import` does) rather than
/// rewrite them in place, and every range read from one is checked to be
/// UTF-8 before use. Cache files are written whole under another name and
/// renamed into place, never changed after, and each section is checked
/// by its CRC before its contents are trusted.
#[expect(
    unsafe_code,
    reason = "mapping a file is unsafe by nature: another process may change it"
)]
pub fn map_file(file: &std::fs::File) -> std::io::Result<memmap2::Mmap> {
    // SAFETY: the map is only read; the risks of other processes are those
    // the doc comment above states.
    unsafe { memmap2::Mmap::map(file) }
}

/// An array of `T`, owned or read from a mapped file.
#[derive(Debug, Clone)]
pub struct Column<T: Pod> {
    /// The values when they are not mapped.
    owned: Vec<T>,
    /// Where the values are, when they are mapped.
    mapped: Option<(Arc<memmap2::Mmap>, Range<usize>)>,
}

impl<T: Pod> Column<T> {
    /// The values at `range` of `bytes`; `None` unless the range is in the
    /// file, holds a whole number of values and is aligned for them.
    pub fn mapped(bytes: &Arc<memmap2::Mmap>, range: Range<usize>) -> Option<Self> {
        let slice = bytes.get(range.clone())?;
        bytemuck::try_cast_slice::<u8, T>(slice).ok()?;
        Some(Self {
            owned: Vec::new(),
            mapped: Some((Arc::clone(bytes), range)),
        })
    }

    /// The values.
    pub fn as_slice(&self) -> &[T] {
        match &self.mapped {
            None => &self.owned,
            // Checked when the column was made; a map cannot move.
            Some((bytes, range)) => bytes
                .get(range.clone())
                .and_then(|slice| bytemuck::try_cast_slice(slice).ok())
                .unwrap_or_default(),
        }
    }

    /// The values to change: a mapped column is copied first.
    pub fn to_mut(&mut self) -> &mut Vec<T> {
        if self.mapped.is_some() {
            self.owned = self.as_slice().to_vec();
            self.mapped = None;
        }
        &mut self.owned
    }

    /// The values as bytes, to be written out.
    pub fn as_bytes(&self) -> &[u8] {
        bytemuck::cast_slice(self.as_slice())
    }

    /// How many values.
    pub fn len(&self) -> usize {
        self.as_slice().len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.as_slice().is_empty()
    }
}

impl<T: Pod + PartialEq> PartialEq for Column<T> {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T: Pod + Eq> Eq for Column<T> {}

impl<T: Pod> Default for Column<T> {
    fn default() -> Self {
        Self {
            owned: Vec::new(),
            mapped: None,
        }
    }
}

impl<T: Pod> From<Vec<T>> for Column<T> {
    fn from(values: Vec<T>) -> Self {
        Self {
            owned: values,
            mapped: None,
        }
    }
}

/// Entries of variable length, all in one column, with where each ends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ragged<T: Pod> {
    /// The entries, one after another.
    pub values: Column<T>,
    /// Where each entry ends in `values`; it starts where the one before
    /// ends.
    pub ends: Column<u64>,
}

impl<T: Pod> Ragged<T> {
    /// Packs `entries` one after another.
    pub fn pack(entries: Vec<Vec<T>>) -> Self {
        let total = entries.iter().map(Vec::len).sum();
        let mut values = Vec::with_capacity(total);
        let mut ends = Vec::with_capacity(entries.len());
        for entry in entries {
            values.extend_from_slice(&entry);
            ends.push(values.len() as u64);
        }
        Self {
            values: values.into(),
            ends: ends.into(),
        }
    }

    /// Adds `entry` after the last.
    pub fn push(&mut self, entry: &[T]) {
        let values = self.values.to_mut();
        values.extend_from_slice(entry);
        let end = values.len() as u64;
        self.ends.to_mut().push(end);
    }

    /// The entries, each its own list.
    pub fn unpack(&self) -> Vec<Vec<T>> {
        (0..self.len()).map(|at| self.get(at).to_vec()).collect()
    }

    /// Whether every entry starts where the one before ends and the last
    /// ends with the values, so that [`Ragged::get`] gives each value once.
    pub fn is_whole(&self) -> bool {
        let ends = self.ends.as_slice();
        ends.windows(2).all(|pair| pair[0] <= pair[1])
            && ends.last().copied().unwrap_or(0) == self.values.len() as u64
    }

    /// Entry `at`; empty when there is none or the ends are out of order.
    pub fn get(&self, at: usize) -> &[T] {
        let ends = self.ends.as_slice();
        let end = ends.get(at).copied().unwrap_or(0);
        let start = if at == 0 {
            0
        } else {
            ends.get(at - 1).copied().unwrap_or(0)
        };
        let (Ok(start), Ok(end)) = (usize::try_from(start), usize::try_from(end)) else {
            return &[];
        };
        self.values.as_slice().get(start..end).unwrap_or_default()
    }

    /// How many entries.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ragged_entries_come_back_as_packed() {
        let packed = Ragged::pack(vec![vec![1u32, 2], vec![], vec![3]]);
        assert_eq!(packed.len(), 3);
        assert_eq!(packed.get(0), [1, 2]);
        assert!(packed.get(1).is_empty());
        assert_eq!(packed.get(2), [3]);
        assert!(packed.get(3).is_empty(), "past the end");
    }

    #[test]
    fn ends_out_of_order_give_nothing_rather_than_panic() {
        let broken = Ragged {
            values: Column::from(vec![1u8, 2, 3]),
            ends: Column::from(vec![3u64, 1, 99]),
        };
        assert_eq!(broken.get(0), [1, 2, 3]);
        assert!(broken.get(1).is_empty());
        assert!(broken.get(2).is_empty());
        assert!(!broken.is_whole());
        let short = Ragged {
            values: Column::from(vec![1u8, 2, 3]),
            ends: Column::from(vec![1u64, 2]),
        };
        assert!(!short.is_whole(), "a value no entry holds");
        assert!(Ragged::pack(vec![vec![1u8], vec![], vec![2, 3]]).is_whole());
        assert!(Ragged::<u8>::default().is_whole());
    }

    #[test]
    fn a_mapped_column_is_copied_before_it_changes_and_the_file_is_not() {
        let mut file = tempfile::tempfile().unwrap();
        std::io::Write::write_all(&mut file, bytemuck::cast_slice(&[1u32, 2, 3, 4])).unwrap();
        let bytes = Arc::new(map_file(&file).unwrap());
        let mut ragged = Ragged {
            values: Column::<u32>::mapped(&bytes, 0..12).unwrap(),
            ends: Column::from(vec![1u64, 3]),
        };
        ragged.push(&[9, 8]);
        assert_eq!(ragged.unpack(), [vec![1], vec![2, 3], vec![9, 8]]);
        assert!(ragged.is_whole());
        assert_eq!(bytemuck::cast_slice::<u8, u32>(&bytes[..]), [1, 2, 3, 4]);
        assert!(Column::<u32>::mapped(&bytes, 1..5).is_none(), "misaligned");
        assert!(
            Column::<u32>::mapped(&bytes, 0..6).is_none(),
            "part of a value"
        );
    }
}
