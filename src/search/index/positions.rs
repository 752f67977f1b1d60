//! Where words stand in an article, so that a phrase is found from the
//! places of its words without reading the article.
//!
//! Every word of an article gets a place: the next number when only
//! whitespace separates it from the word before, the one after that when
//! anything else does (punctuation, a symbol) and between the title and the
//! body. Words of a phrase match on consecutive places, then, exactly when
//! whitespace alone separates them in the text.
//!
//! A word's places are kept per posting, packed: the number of places, then
//! each place as its distance from the one before, seven bits to a byte.

use super::WordIndex;
use crate::search::pattern::Pattern;

/// The words of `text` (runs of letters and digits), each with whether only
/// whitespace comes between it and the word before (or the start).
pub fn words(text: &str) -> impl Iterator<Item = (&str, bool)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let mut spaced = true;
        let start = loop {
            let c = text[at..].chars().next()?;
            if c.is_alphanumeric() {
                break at;
            }
            spaced &= c.is_whitespace();
            at += c.len_utf8();
        };
        let end = text[start..]
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(text.len(), |(offset, _)| start + offset);
        at = end;
        Some((&text[start..end], spaced))
    })
}

/// Hands out the places of an article's words.
#[derive(Debug, Default)]
pub struct Places {
    next: u32,
    field_begins: bool,
}

impl Places {
    /// Begins the next field after a gap, so that no phrase spans two
    /// fields; the place its first word will take.
    pub fn start_field(&mut self) -> u32 {
        self.next = self.next.saturating_add(1);
        self.field_begins = true;
        self.next
    }

    /// The place of the next word, `spaced` if only whitespace precedes it.
    pub fn next(&mut self, spaced: bool) -> u32 {
        if !spaced && !self.field_begins {
            self.next = self.next.saturating_add(1);
        }
        self.field_begins = false;
        let at = self.next;
        self.next = self.next.saturating_add(1);
        at
    }
}

/// Appends one posting's places (ascending) to `out`.
pub fn encode(places: impl ExactSizeIterator<Item = u32>, out: &mut Vec<u8>) {
    put(u32::try_from(places.len()).unwrap_or(u32::MAX), out);
    let mut before = 0;
    for at in places {
        put(at - before, out);
        before = at;
    }
}

fn put(mut value: u32, out: &mut Vec<u8>) {
    loop {
        let low = value.to_le_bytes()[0] & 0x7f;
        value >>= 7;
        if value == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

fn take(bytes: &[u8], at: &mut usize) -> u32 {
    let mut value = 0u32;
    let mut shift = 0;
    while let Some(&byte) = bytes.get(*at) {
        *at += 1;
        // Bits past the 32nd (only in a damaged index) are dropped.
        value |= u32::from(byte & 0x7f).checked_shl(shift).unwrap_or(0);
        if byte < 0x80 {
            break;
        }
        shift = shift.saturating_add(7);
    }
    value
}

/// Every place of word `id`, as `article << 32 | place`, ascending.
fn occurrences(index: &WordIndex, id: usize, out: &mut Vec<u64>) {
    let bytes = index.places(id);
    let mut at = 0;
    for posting in index.postings(id) {
        let article = u64::from(posting[0]) << 32;
        let mut place = 0u32;
        for _ in 0..take(bytes, &mut at) {
            // A damaged index may claim more places than it holds.
            if at >= bytes.len() {
                break;
            }
            place = place.saturating_add(take(bytes, &mut at));
            out.push(article | u64::from(place));
        }
    }
}

/// A phrase's hits in one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseHits {
    /// (in the title, in all).
    Counted(u32, u32),
    /// The places cannot tell how many occurrences do not overlap (the
    /// phrase's last word and next first word share a word of the text):
    /// the article must be read.
    Read,
}

/// Per article of the index, the hits of `pattern`, a phrase of words
/// ([`Pattern::is_phrase_of_words`]): articles without it are
/// `Counted(0, 0)`.
pub fn phrase_hits(index: &WordIndex, pattern: &Pattern) -> Vec<PhraseHits> {
    let length = pattern.word_count();
    // The places where a match could start, as `article << 32 | place`.
    let mut starts: Option<Vec<u64>> = None;
    let mut places = Vec::new();
    for word in 0..length {
        places.clear();
        let mut ids = 0;
        for (id, text) in index.words() {
            if pattern.word_fits(word, text) {
                occurrences(index, id, &mut places);
                ids += 1;
            }
        }
        if ids > 1 {
            places.sort_unstable();
        }
        let shift = word as u64;
        let shifted = places
            .iter()
            .filter(|&&key| key & 0xffff_ffff >= shift)
            .map(|&key| key - shift);
        starts = Some(match starts {
            None => shifted.collect(),
            Some(before) => intersect(&before, shifted),
        });
    }
    let mut hits = vec![PhraseHits::Counted(0, 0); index.articles];
    let starts = starts.unwrap_or_default();
    for group in starts.chunk_by(|a, b| a >> 32 == b >> 32) {
        let article = (group[0] >> 32) as usize;
        let body_start = u64::from(index.body_start(article));
        let (mut title, mut total) = (0, 0);
        // The place of the last word of the match counted before.
        let mut last: Option<u64> = None;
        let mut read = false;
        for &key in group {
            let place = key & 0xffff_ffff;
            match last {
                Some(end) if place < end => continue,
                Some(end) if place == end => {
                    read = true;
                    break;
                }
                _ => {}
            }
            total += 1;
            if place < body_start {
                title += 1;
            }
            last = Some(place + length as u64 - 1);
        }
        // An article past the index (only in a damaged cache) is passed over.
        if let Some(slot) = hits.get_mut(article) {
            *slot = if read {
                PhraseHits::Read
            } else {
                PhraseHits::Counted(title, total)
            };
        }
    }
    hits
}

/// The keys in both `sorted` and `other` (ascending).
fn intersect(sorted: &[u64], other: impl Iterator<Item = u64>) -> Vec<u64> {
    let mut both = Vec::new();
    let mut at = 0;
    for key in other {
        while at < sorted.len() && sorted[at] < key {
            at += 1;
        }
        if at == sorted.len() {
            break;
        }
        if sorted[at] == key {
            both.push(key);
        }
    }
    both
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placed(text: &str) -> Vec<(&str, u32)> {
        let mut places = Places::default();
        words(text)
            .map(|(word, spaced)| (word, places.next(spaced)))
            .collect()
    }

    #[test]
    fn punctuation_leaves_a_gap_and_whitespace_does_not() {
        assert_eq!(
            placed("The news\n\nagency, said: état-run"),
            [
                ("The", 0),
                ("news", 1),
                ("agency", 2),
                ("said", 4),
                ("état", 6),
                ("run", 8)
            ]
        );
        assert_eq!(placed(" «Quote»"), [("Quote", 1)]);
    }

    #[test]
    fn fields_never_touch() {
        let mut places = Places::default();
        assert_eq!(places.next(true), 0);
        assert_eq!(places.start_field(), 2);
        assert_eq!(places.next(true), 2);
        assert_eq!(places.next(true), 3);
    }

    #[test]
    fn places_pack_and_unpack() {
        let mut bytes = Vec::new();
        encode([0u32, 5, 200, 70_000, u32::MAX].into_iter(), &mut bytes);
        encode([3u32].into_iter(), &mut bytes);
        let mut at = 0;
        let mut read = |n: usize| -> Vec<u32> {
            let count = take(&bytes, &mut at);
            assert_eq!(count as usize, n);
            let mut place = 0;
            (0..count)
                .map(|_| {
                    place += take(&bytes, &mut at);
                    place
                })
                .collect()
        };
        assert_eq!(read(5), [0, 5, 200, 70_000, u32::MAX]);
        assert_eq!(read(1), [3]);
        assert_eq!(at, bytes.len());
    }

    #[test]
    fn intersection_keeps_common_keys() {
        assert_eq!(
            intersect(&[1, 3, 5, 9], [0, 3, 4, 9, 10].into_iter()),
            [3, 9]
        );
    }
}
