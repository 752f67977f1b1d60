//! A fast hash for the short keys of the recogniser's tables (words and
//! word pairs), eight bytes at a time. The tables are built from fixed word
//! lists and the gazetteer, so there is no untrusted key to collide.

use std::hash::{BuildHasherDefault, Hasher};

/// The odd constant every mixing step multiplies by.
pub const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

/// Hasher for `HashMap`s keyed by words.
#[derive(Default)]
pub struct WordHasher(u64);

/// `BuildHasher` for [`WordHasher`].
pub type WordHash = BuildHasherDefault<WordHasher>;

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = mix(self.0, bytes);
    }

    fn write_u8(&mut self, byte: u8) {
        self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(MULTIPLIER);
    }

    fn write_u32(&mut self, value: u32) {
        self.0 = (self.0 ^ u64::from(value)).wrapping_mul(MULTIPLIER);
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = (self.0 ^ value).wrapping_mul(MULTIPLIER);
    }

    fn finish(&self) -> u64 {
        finish(self.0)
    }
}

/// Folds `bytes` into `seed`, eight at a time.
pub fn mix(seed: u64, bytes: &[u8]) -> u64 {
    let mut hash = seed ^ (bytes.len() as u64).wrapping_mul(MULTIPLIER);
    for chunk in bytes.chunks(8) {
        // Byte by byte into a register: cheaper than copying a short tail.
        let value = chunk
            .iter()
            .rev()
            .fold(0u64, |value, &byte| (value << 8) | u64::from(byte));
        hash = (hash ^ value).wrapping_mul(MULTIPLIER).rotate_left(29);
    }
    hash
}

/// Spreads the bits of a mixed hash over the whole word, as hash tables
/// use both its low and its high bits.
pub fn finish(hash: u64) -> u64 {
    let hash = (hash ^ (hash >> 32)).wrapping_mul(MULTIPLIER);
    hash ^ (hash >> 29)
}

/// A 16-bit signature of a word from its first two bytes and its length,
/// for [`SignatureSet`]s: nearly free to compute.
pub fn signature(word: &[u8]) -> u16 {
    let byte = |i: usize| word.get(i).copied().unwrap_or(0);
    let len = u16::try_from(word.len().min(31)).unwrap_or(31);
    (u16::from(byte(0)) << 8 | u16::from(byte(1))) ^ (len << 11) ^ len
}

/// A set of word signatures: answers "certainly not one of ours" for most
/// words without hashing them.
#[derive(Debug, Clone)]
pub struct SignatureSet(Vec<u64>);

impl Default for SignatureSet {
    fn default() -> Self {
        Self(vec![0; 1 << 10])
    }
}

impl SignatureSet {
    /// Adds a signature.
    pub fn insert(&mut self, signature: u16) {
        let bit = usize::from(signature);
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    /// Whether the signature may belong to a word in the set.
    pub fn may_contain(&self, signature: u16) -> bool {
        let bit = usize::from(signature);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixing_tells_case_and_length_apart() {
        assert_ne!(mix(1, b"Europol"), mix(1, b"europol"));
        assert_ne!(mix(1, b"ab"), mix(1, b"abc"));
        assert_eq!(mix(7, b"2026"), mix(7, b"2026"));
    }

    #[test]
    fn signatures_tell_words_apart() {
        assert_ne!(signature(b"The"), signature(b"the"));
        let mut set = SignatureSet::default();
        set.insert(signature(b"police"));
        assert!(set.may_contain(signature(b"police")));
        assert!(!set.may_contain(signature(b"x")));
    }

    #[test]
    fn long_keys_use_every_byte() {
        assert_ne!(
            mix(0, b"Directorate-General for Migration"),
            mix(0, b"Directorate-General for Migratioo")
        );
    }
}
