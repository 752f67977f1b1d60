//! Where a match of a word can begin in text: the places a pattern tries,
//! so that it does not try every character.
//!
//! A search reads every article, so this is where its time goes. Each
//! place found is only a candidate: the pattern then checks the match with
//! full folding, so that a finder may give too many places but never too
//! few. Three finders:
//!
//! - **Exact**, for a word whose case must match: `memmem` on its bytes.
//! - **ASCII**, for an ASCII word whose case is ignored, the common case.
//!   First `memchr` looks for the word's rarest letter in either case (for
//!   "quagmire", "q" and "Q"), as long as that gives few places that are
//!   not the word; in text where the letter is common, the text is lowered
//!   instead (ASCII letters only, so that byte offsets stay) a few
//!   kilobytes at a time, and `memmem` finds the lowercase word in it.
//!   Either way the places are those where the text's bytes are the word's
//!   in some case ([`ascii`]). That misses only matches that hold a
//!   character outside ASCII, and the only such characters that fold into
//!   ASCII are the few of [`super::folds_into_ascii`] (ligatures, "ß", "ſ",
//!   the Kelvin sign).
//!   Where one of those stands, every place up to a word's length before it
//!   is a candidate too: ASCII letters fold one to one, so a match holding
//!   one begins no further back. Text is searched (by first bytes, with
//!   `memchr`) only for those that fold into a piece of the word: "office"
//!   can hold "ﬃ", "police" none.
//! - **Folded**, for any other word: the places where a character begins
//!   whose folding begins as the word's does ("µ", "μ" and "Μ" for "μg"),
//!   found by their first bytes with `memchr`.

mod ascii;

use memchr::memmem;

use super::{fold, folds_into_ascii, table};
use ascii::{AsciiScan, next_folding_into_ascii, rarest};

/// How to find the places where a word can begin.
#[derive(Debug, Clone)]
pub enum Starts {
    /// The word's case must match: where its bytes are.
    Exact(memmem::Finder<'static>),
    /// An ASCII word, case ignored.
    Ascii {
        /// The word in lowercase.
        lower: memmem::Finder<'static>,
        /// Where in the word its rarest byte is, by English letter
        /// frequencies.
        rare: usize,
        /// The characters outside ASCII that can be part of a match,
        /// if any: those that fold into a piece of the word.
        folds_in: Option<Leads>,
    },
    /// Any other word, case ignored.
    Folded(Leads),
}

impl Starts {
    /// The finder for `word` (not empty), whose case must match if
    /// `case_sensitive`.
    pub fn new(word: &str, case_sensitive: bool) -> Self {
        if case_sensitive {
            return Self::Exact(memmem::Finder::new(word).into_owned());
        }
        if word.is_ascii() {
            let lower = word.to_ascii_lowercase();
            let folders = table::FOLDS
                .iter()
                .filter(|&&(c, folded)| folds_into_ascii(c) && lower.contains(folded))
                .map(|&(c, _)| c);
            let folds_in = Some(Leads::of(folders)).filter(|leads| !leads.bytes.is_empty());
            let rare = rarest(lower.as_bytes());
            return Self::Ascii {
                lower: memmem::Finder::new(lower.as_bytes()).into_owned(),
                rare,
                folds_in,
            };
        }
        let Some(&first) = fold(word).first() else {
            // Only an empty word folds to nothing, and it begins anywhere.
            return Self::Exact(memmem::Finder::new("").into_owned());
        };
        // Folding twice changes nothing, so `first` folds to itself.
        let folders = table::FOLDS
            .iter()
            .filter(|(_, folded)| folded.starts_with(first))
            .map(|&(c, _)| c);
        Self::Folded(Leads::of(std::iter::once(first).chain(folders)))
    }

    /// The places in `text`, asked for in order.
    pub fn in_text<'s>(&'s self, text: &'s str) -> StartsIn<'s> {
        StartsIn {
            starts: self,
            text,
            scan: AsciiScan::default(),
            hit: Ahead::Unknown,
            special: if matches!(
                self,
                Self::Ascii {
                    folds_in: Some(_),
                    ..
                }
            ) {
                Ahead::Unknown
            } else {
                Ahead::Nowhere
            },
        }
    }
}

/// The first bytes of the UTF-8 of some characters, to find where one of
/// them may begin.
#[derive(Debug, Clone)]
pub struct Leads {
    /// The bytes, distinct.
    bytes: Vec<u8>,
    /// The same bytes, as a set of 256 bits.
    marked: [u64; 4],
}

impl Leads {
    /// The first bytes of `chars`.
    fn of(chars: impl Iterator<Item = char>) -> Self {
        let mut leads = Self {
            bytes: Vec::new(),
            marked: [0; 4],
        };
        for c in chars {
            let mut utf8 = [0; 4];
            leads.add(c.encode_utf8(&mut utf8).as_bytes()[0]);
        }
        leads
    }

    fn add(&mut self, byte: u8) {
        if !self.holds(byte) {
            self.marked[usize::from(byte / 64)] |= 1 << (byte % 64);
            self.bytes.push(byte);
        }
    }

    fn holds(&self, byte: u8) -> bool {
        self.marked[usize::from(byte / 64)] & 1 << (byte % 64) != 0
    }

    /// The first place from `from` in `bytes` that holds one of the bytes.
    fn find(&self, bytes: &[u8], from: usize) -> Option<usize> {
        let rest = bytes.get(from..)?;
        let at = match *self.bytes.as_slice() {
            [a] => memchr::memchr(a, rest),
            [a, b] => memchr::memchr2(a, b, rest),
            [a, b, c] => memchr::memchr3(a, b, c, rest),
            _ => rest.iter().position(|&b| self.holds(b)),
        }?;
        Some(from + at)
    }
}

/// A place found ahead by a search, kept until it is passed.
#[derive(Debug, Clone, Copy)]
enum Ahead {
    /// Not searched for yet, or passed.
    Unknown,
    /// The first place at or after where the search began.
    At(usize),
    /// There is none after where the search began.
    Nowhere,
}

impl Ahead {
    /// The place, if it is known and not before `from`, else what `search`
    /// finds from `from` (and is kept).
    fn or_search(
        &mut self,
        from: usize,
        search: impl FnOnce(usize) -> Option<usize>,
    ) -> Option<usize> {
        match *self {
            Self::At(at) if at >= from => Some(at),
            Self::Nowhere => None,
            _ => {
                let found = search(from);
                *self = found.map_or(Self::Nowhere, Self::At);
                found
            }
        }
    }
}

/// The places where a word can begin in one text.
#[derive(Debug)]
pub struct StartsIn<'s> {
    starts: &'s Starts,
    text: &'s str,
    /// For [`Starts::Ascii`]: its reading of the text.
    scan: AsciiScan,
    /// The next place the finder gave.
    hit: Ahead,
    /// For [`Starts::Ascii`]: the next character that folds into ASCII.
    special: Ahead,
}

impl StartsIn<'_> {
    /// The first place at or after `from` (a character boundary) where the
    /// word can begin: a character boundary. `from` must not go down from
    /// one call to the next.
    pub fn next(&mut self, from: usize) -> Option<usize> {
        match self.starts {
            Starts::Exact(finder) => {
                let at = finder.find(self.text.as_bytes().get(from..)?)?;
                Some(from + at)
            }
            Starts::Folded(leads) => leads.find(self.text.as_bytes(), from),
            Starts::Ascii {
                lower,
                rare,
                folds_in,
            } => {
                let text = self.text.as_bytes();
                let scan = &mut self.scan;
                let hit = self
                    .hit
                    .or_search(from, |from| scan.find(text, lower, *rare, from));
                let near_special = match folds_in {
                    Some(leads) => self.near_special(leads, lower.needle().len(), from),
                    None => None,
                };
                match (hit, near_special) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                }
            }
        }
    }

    /// The first place at or after `from` where a match of a word of
    /// `length` bytes can begin that holds a character that folds into
    /// ASCII and begins with one of `leads`.
    fn near_special(&mut self, leads: &Leads, length: usize, from: usize) -> Option<usize> {
        let text = self.text;
        let special = self
            .special
            .or_search(from, |from| next_folding_into_ascii(text, leads, from))?;
        let earliest = from.max(special.saturating_sub(length - 1));
        (earliest..=special).find(|&at| self.text.is_char_boundary(at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(word: &str, case_sensitive: bool, text: &str) -> Vec<usize> {
        let starts = Starts::new(word, case_sensitive);
        let mut places = starts.in_text(text);
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(at) = places.next(from) {
            found.push(at);
            from = at + text[at..].chars().next().map_or(1, char::len_utf8);
        }
        found
    }

    #[test]
    fn places_before_a_ligature_are_tried_when_it_can_be_part_of_the_word() {
        // "ﬃ" folds to "ffi", which "office" holds: the places up to five
        // bytes before it are candidates.
        let text = "an oﬃce";
        assert_eq!(all("office", false, text), [0, 1, 2, 3, 4]);
        assert!(all("police", false, text).is_empty());
    }

    #[test]
    fn text_is_searched_only_for_what_can_fold_into_the_word() {
        let leads = |word: &str| match Starts::new(word, false) {
            Starts::Ascii { folds_in, .. } => folds_in.map(|leads| leads.bytes),
            other => panic!("{other:?}"),
        };
        assert_eq!(leads("police"), None);
        assert_eq!(leads("office"), Some(vec![0xEF]), "ligatures");
        assert_eq!(leads("kiss"), Some(vec![0xC3, 0xC5, 0xE1, 0xE2]), "ß ſ ẞ K");
    }

    #[test]
    fn folded_words_start_at_every_character_that_folds_to_their_first() {
        let text = "5 µg, 5 μg, 5 Μg";
        let expected: Vec<usize> = ["µg", "μg", "Μg"]
            .iter()
            .map(|w| text.find(w).unwrap())
            .collect();
        assert_eq!(all("μg", false, text), expected);
        assert_eq!(all("µg", false, text), expected);
    }

    #[test]
    fn exact_words_start_only_where_their_bytes_are() {
        assert_eq!(all("Police", true, "police Police POLICE"), [7]);
    }
}
