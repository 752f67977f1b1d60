//! A fast hash for the short keys of the recogniser's tables (words and
//! word pairs), eight bytes at a time. Keys are inserted only from the
//! built-in word lists, the built-in gazetteer and the user's own
//! `--gazetteer` file; article text is only looked up, never inserted, so a
//! hostile article cannot fill a table with colliding keys.

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

/// Bloom filters over the keys of words (already well-mixed 64-bit
/// hashes), `N` sets side by side: each answers "certainly not one of
/// ours" for most words. A key's bits lie in one 64-bit block (chosen by
/// its top bits), and the blocks of the `N` sets for the same key lie
/// together, so that asking about a word reads one cache line however
/// many sets are asked. With the default 2^17 bits a set and three bits a
/// key, a few thousand keys leave under one word in a hundred to check
/// further.
#[derive(Debug, Clone)]
pub struct KeyFilter<const N: usize = 1> {
    blocks: Vec<[u64; N]>,
    /// 64 less log2 of the number of blocks: the shift that takes a key's
    /// top bits as its block.
    shift: u32,
}

impl<const N: usize> Default for KeyFilter<N> {
    fn default() -> Self {
        Self::with_blocks(11)
    }
}

impl<const N: usize> KeyFilter<N> {
    /// Filters of 2^`log2` blocks of 64 bits a set: 11 for thousands of
    /// keys, fewer for a few hundred.
    pub fn with_blocks(log2: u32) -> Self {
        debug_assert!((1..=32).contains(&log2), "{log2} is no size for a filter");
        Self {
            blocks: vec![[0; N]; 1 << log2],
            shift: 64 - log2,
        }
    }

    /// The block of `key` and its bits in the block.
    fn place(&self, key: u64) -> (usize, u64) {
        let block = usize::try_from(key >> self.shift).unwrap_or(0);
        let bits = (1 << (key & 63)) | (1 << ((key >> 6) & 63)) | (1 << ((key >> 12) & 63));
        (block, bits)
    }

    /// Adds a key to set `set`.
    pub fn insert(&mut self, set: usize, key: u64) {
        let (block, bits) = self.place(key);
        self.blocks[block][set] |= bits;
    }

    /// Whether the key may be in set `set`.
    pub fn may_contain(&self, set: usize, key: u64) -> bool {
        let (block, bits) = self.place(key);
        self.blocks[block][set] & bits == bits
    }

    /// Whether each of the sets may hold the key.
    pub fn sets_of(&self, key: u64) -> [bool; N] {
        let (block, bits) = self.place(key);
        let found = &self.blocks[block];
        std::array::from_fn(|set| found[set] & bits == bits)
    }
}

/// Where the run of ASCII letters and digits at `at` of `bytes` ends,
/// eight bytes at a time: each byte of a word of the text is otherwise a
/// branch, and the one that ends the word is mispredicted.
pub fn alphanumeric_run_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(chunk) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        let stops = !alphanumeric_bytes(u64::from_le_bytes(*chunk)) & HIGH_BITS;
        if stops != 0 {
            // Little-endian: the lowest set bit is the first byte.
            return at + (stops.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at + bytes[at..]
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(bytes.len() - at)
}

/// The high bit of each byte.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// `byte` in every byte of a number.
const fn splat(byte: u8) -> u64 {
    0x0101_0101_0101_0101 * byte as u64
}

/// The high bit of each byte of `chunk` that is an ASCII letter or digit.
/// Byte by byte, on the low seven bits (so that no sum carries into the
/// next byte): at least `low` when adding `0x80 - low` sets the high bit,
/// at most `high` when adding `0x7f - high` leaves it clear.
fn alphanumeric_bytes(chunk: u64) -> u64 {
    let ascii = !chunk & HIGH_BITS;
    let low_bits = chunk & !HIGH_BITS;
    let within = |value: u64, low: u8, high: u8| {
        (value + splat(0x80 - low)) & !(value + splat(0x7f - high)) & HIGH_BITS
    };
    let digit = within(low_bits, b'0', b'9');
    // Setting bit 5 lower-cases a capital and leaves a small letter as it is.
    let letter = within(low_bits | splat(0x20), b'a', b'z');
    (digit | letter) & ascii
}

/// Up to eight bytes of a word as a number, little-endian (padded with
/// zeros): one load where the word is long enough.
pub fn load(word: &[u8]) -> u64 {
    match word.first_chunk::<8>() {
        Some(chunk) => u64::from_le_bytes(*chunk),
        None => word
            .iter()
            .rev()
            .fold(0u64, |value, &byte| (value << 8) | u64::from(byte)),
    }
}

/// The first eight bytes of a word as a number (padded with zeros).
fn prefix(word: &[u8]) -> u64 {
    load(word)
}

/// The [`prefix`] of the word at `range` of `text`: where eight bytes of
/// text follow its start, one load and a mask.
pub fn prefix_at(text: &[u8], range: std::ops::Range<usize>) -> u64 {
    let len = range.len();
    match text.get(range.start..).and_then(<[u8]>::first_chunk::<8>) {
        Some(chunk) if len >= 8 => u64::from_le_bytes(*chunk),
        Some(chunk) => u64::from_le_bytes(*chunk) & ((1u64 << (8 * len)) - 1),
        None => prefix(&text[range]),
    }
}

/// A fixed table from words to class bits, for the lexicon: open
/// addressing keyed by a word's first eight bytes and length, so that most
/// lookups cost one multiplication and one or two comparisons of numbers.
///
/// Most words of a text are in no list, and a lookup for them should touch
/// as little memory as possible: each slot has a one-byte tag, from bits of
/// the hash its slot does not use, in an array of its own (a few KB, which
/// stays in the nearest cache), and the slot itself is read only when its
/// tag matches.
#[derive(Debug, Clone)]
pub struct WordTable {
    /// Per slot, the word's tag; 0 marks a free slot.
    tags: Vec<u8>,
    /// (first eight bytes, length, bits); all 0 in a free slot.
    slots: Vec<(u64, u32, u32)>,
    /// The word in each slot, for words longer than eight bytes.
    words: Vec<&'static str>,
    /// `slots.len() - 1`.
    mask: usize,
}

impl WordTable {
    /// A table of `entries`; a word listed more than once has the union
    /// of its bits.
    pub fn new(entries: &[(&'static str, u32)]) -> Self {
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut table = Self {
            tags: vec![0; size],
            slots: vec![(0, 0, 0); size],
            words: vec![""; size],
            mask: size - 1,
        };
        for &(word, bits) in entries {
            if word.is_empty() {
                continue;
            }
            let key = prefix(word.as_bytes());
            let (slot, tag) = table.find_keyed(key, word.as_bytes());
            // A free slot's bits are 0.
            let (_, _, old) = table.slots[slot];
            table.tags[slot] = tag;
            table.slots[slot] = (
                key,
                u32::try_from(word.len()).unwrap_or(u32::MAX),
                old | bits,
            );
            table.words[slot] = word;
        }
        table
    }

    /// The slot that holds the word `word`, whose [`prefix`] is `key`, or
    /// the free slot where it would go; and the word's tag.
    fn find_keyed(&self, key: u64, word: &[u8]) -> (usize, u8) {
        let len = u32::try_from(word.len()).unwrap_or(u32::MAX);
        let hash = (key ^ u64::from(len).wrapping_mul(MULTIPLIER)).wrapping_mul(MULTIPLIER);
        // The high bits mix best; the table is far smaller than 2^32. The
        // tag comes from the next bits down, never 0.
        let mut slot = usize::try_from(hash >> 40).unwrap_or(0) & self.mask;
        let tag = u8::try_from((hash >> 32) & 0x7f).unwrap_or(0) | 0x80;
        loop {
            let found_tag = self.tags[slot];
            if found_tag == 0 {
                return (slot, tag);
            }
            if found_tag == tag {
                let (found, found_len, _) = self.slots[slot];
                if found == key
                    && found_len == len
                    && (word.len() <= 8 || self.words[slot].as_bytes()[8..] == word[8..])
                {
                    return (slot, tag);
                }
            }
            slot = (slot + 1) & self.mask;
        }
    }

    /// The bits of `word`, 0 if it is not in the table.
    pub fn get(&self, word: &str) -> u32 {
        if word.is_empty() {
            return 0;
        }
        self.slots[self.find_keyed(prefix(word.as_bytes()), word.as_bytes()).0].2
    }

    /// The bits of the word at `range` of `text`, whose [`prefix_at`] is
    /// `key`.
    pub fn get_keyed(&self, key: u64, text: &[u8], range: std::ops::Range<usize>) -> u32 {
        if range.is_empty() {
            return 0;
        }
        self.slots[self.find_keyed(key, &text[range]).0].2
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
    fn a_key_filter_holds_what_was_put_in() {
        let mut filter = KeyFilter::<2>::default();
        let key = finish(mix(0, b"europol"));
        filter.insert(1, key);
        assert!(filter.may_contain(1, key));
        assert!(!filter.may_contain(0, key), "each set holds its own keys");
        assert_eq!(filter.sets_of(key), [false, true]);
        assert!(!filter.may_contain(1, finish(mix(0, b"europa"))));
        let mut small = KeyFilter::<1>::with_blocks(4);
        small.insert(0, key);
        assert!(small.may_contain(0, key));
        assert!(!small.may_contain(0, finish(mix(0, b"europa"))));
    }

    #[test]
    fn the_word_table_finds_every_word_and_only_them() {
        let table = WordTable::new(&[
            ("police", 1),
            ("Police", 2),
            ("prosecutor's", 4),
            ("prosecutor’s", 8),
            ("police", 16),
            ("counter-intelligence", 32),
        ]);
        assert_eq!(table.get("police"), 17, "bits of a repeated word join");
        assert_eq!(table.get("Police"), 2);
        assert_eq!(table.get("prosecutor's"), 4);
        assert_eq!(table.get("prosecutor’s"), 8);
        assert_eq!(table.get("counter-intelligence"), 32);
        assert_eq!(table.get("counter-intelligencf"), 0);
        assert_eq!(table.get("polic"), 0);
        assert_eq!(table.get(""), 0);
        let text = b"the police and the prosecutor's counter-intelligence";
        let at = |range: std::ops::Range<usize>| {
            table.get_keyed(prefix_at(text, range.clone()), text, range)
        };
        assert_eq!(at(4..10), 17);
        assert_eq!(at(19..31), 4);
        assert_eq!(at(32..52), 32, "near the end of the text");
        assert_eq!(at(0..3), 0);
    }

    proptest::proptest! {
        #[test]
        fn alphanumeric_runs_end_where_a_scan_says(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..40),
            at in 0usize..40,
        ) {
            let at = at.min(bytes.len());
            let expected = at + bytes[at..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            proptest::prop_assert_eq!(alphanumeric_run_end(&bytes, at), expected);
        }
    }

    #[test]
    fn every_byte_is_told_alphanumeric_or_not() {
        for byte in 0..=255u8 {
            let chunk = u64::from_le_bytes([b'a', byte, b'Z', byte, b'5', b'-', byte, 0xC3]);
            let expected = [
                true,
                byte.is_ascii_alphanumeric(),
                true,
                byte.is_ascii_alphanumeric(),
                true,
                false,
                byte.is_ascii_alphanumeric(),
                false,
            ];
            let found: Vec<bool> = (0..8)
                .map(|i| alphanumeric_bytes(chunk) >> (8 * i + 7) & 1 == 1)
                .collect();
            assert_eq!(found, expected, "byte {byte:#x}");
        }
    }

    #[test]
    fn long_keys_use_every_byte() {
        assert_ne!(
            mix(0, b"Directorate-General for Migration"),
            mix(0, b"Directorate-General for Migratioo")
        );
    }
}
