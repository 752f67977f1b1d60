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
//!   in some case. That misses only matches that hold a character outside
//!   ASCII, and the only
//!   such characters that fold into ASCII are the few of
//!   [`super::folds_into_ascii`] (ligatures, "ß", "ſ", the Kelvin sign).
//!   Where one of those stands, every place up to a word's length before it
//!   is a candidate too: ASCII letters fold one to one, so a match holding
//!   one begins no further back. Text is searched (by first bytes, with
//!   `memchr`) only for those that fold into a piece of the word: "office"
//!   can hold "ﬃ", "police" none.
//! - **Folded**, for any other word: the places where a character begins
//!   whose folding begins as the word's does ("µ", "μ" and "Μ" for "μg"),
//!   found by their first bytes with `memchr`.

use memchr::memmem;

use super::{fold, folds_into_ascii, table};

/// How much text the ASCII finder lowers at a time.
const CHUNK: usize = if cfg!(test) { 61 } else { 8 * 1024 };

/// How many places the rarest letter of an ASCII word may give that are
/// not the word, beyond one per 256 bytes of text, before the ASCII finder
/// lowers the text instead.
const MISSES: usize = if cfg!(test) { 2 } else { 8 };

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
            let rare = (0..lower.len())
                .min_by_key(|&at| commonness(lower.as_bytes()[at]))
                .unwrap_or(0);
            return Self::Ascii {
                lower: memmem::Finder::new(lower.as_bytes()).into_owned(),
                rare,
                folds_in,
            };
        }
        let Some(&first) = fold(word).first() else {
            // No word folds to nothing; had it, every place would do.
            return Self::Folded(Leads::of((0..=0x7F).chain(0xC2..=0xF4).map(char::from)));
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

/// How common a byte is in English text, higher for more common: letters
/// by their frequency, then digits and the rest.
fn commonness(byte: u8) -> usize {
    const LETTERS: &[u8] = b"zqjxkvbpygfwmucldrhsnioate";
    match LETTERS.iter().position(|&b| b == byte.to_ascii_lowercase()) {
        Some(rank) => 10 + rank,
        None if byte.is_ascii_digit() => 5,
        None => 0,
    }
}

/// The ASCII finder's reading of one text.
#[derive(Debug, Default)]
struct AsciiScan {
    /// Places the rarest byte gave that were not the word.
    misses: usize,
    /// Whether the rarest byte proved common, so that the text is lowered.
    lowering: bool,
    /// The text from `window` on, ASCII letters lowered.
    lowered: Vec<u8>,
    window: usize,
}

impl AsciiScan {
    /// The first place at or after `from` where `text` holds `lower`'s
    /// word in some case; `rare` is where the word's rarest byte is.
    fn find(
        &mut self,
        text: &[u8],
        lower: &memmem::Finder<'_>,
        rare: usize,
        from: usize,
    ) -> Option<usize> {
        let from = if self.lowering {
            from
        } else {
            match self.find_rare(text, lower.needle(), rare, from) {
                Ok(found) => return found,
                Err(stopped) => stopped,
            }
        };
        self.lowering = true;
        self.find_lowered(text, lower, from)
    }

    /// Like [`Self::find`], by the word's rarest byte; `Err` with where it
    /// stopped if that byte turns out common.
    fn find_rare(
        &mut self,
        text: &[u8],
        word: &[u8],
        rare: usize,
        from: usize,
    ) -> Result<Option<usize>, usize> {
        let Some(&byte) = word.get(rare) else {
            return Ok(None);
        };
        let mut at = from;
        loop {
            if text.len().saturating_sub(at) < word.len() {
                return Ok(None);
            }
            let Some(hit) = memchr::memchr2(byte, byte.to_ascii_uppercase(), &text[at + rare..])
            else {
                return Ok(None);
            };
            let start = at + hit;
            if text[start..]
                .get(..word.len())
                .is_some_and(|found| found.eq_ignore_ascii_case(word))
            {
                return Ok(Some(start));
            }
            at = start + 1;
            self.misses += 1;
            if self.misses > MISSES + at / 256 {
                return Err(at);
            }
        }
    }

    /// Like [`Self::find`], by lowering the text a chunk at a time.
    fn find_lowered(
        &mut self,
        text: &[u8],
        lower: &memmem::Finder<'_>,
        from: usize,
    ) -> Option<usize> {
        let word = lower.needle();
        let mut at = from;
        loop {
            if text.len().saturating_sub(at) < word.len() {
                return None;
            }
            let end = self.window + self.lowered.len();
            if at < self.window || at + word.len() > end {
                let stop = text.len().min(at + CHUNK.max(2 * word.len()));
                self.window = at;
                self.lowered.clear();
                self.lowered
                    .extend(text[at..stop].iter().map(u8::to_ascii_lowercase));
                continue;
            }
            if let Some(i) = lower.find(&self.lowered[at - self.window..]) {
                return Some(at + i);
            }
            if end == text.len() {
                return None;
            }
            // Places from here on run past the lowered text.
            at = end + 1 - word.len();
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

/// Where the first character at or after `from` that folds into ASCII
/// and begins with one of `leads` begins.
fn next_folding_into_ascii(text: &str, leads: &Leads, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    loop {
        let lead = leads.find(bytes, at)?;
        let special = bytes
            .get(lead + 1)
            .is_some_and(|&second| ASCII_FOLD_SECONDS[usize::from(second)])
            && text
                .get(lead..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(folds_into_ascii);
        if special {
            return Some(lead);
        }
        at = lead + 1;
    }
}

/// The second bytes of the UTF-8 of every character that folds into ASCII
/// ([`super::folds_into_ascii`]), marked, to pass over most characters
/// that share a first byte with one ("é" with "ß") without decoding them.
const ASCII_FOLD_SECONDS: [bool; 256] = {
    let mut marked = [false; 256];
    let mut at = 0;
    while at < table::FOLDS.len() {
        let (c, folded) = table::FOLDS[at];
        if !c.is_ascii() && folded.is_ascii() {
            let mut utf8 = [0; 4];
            marked[c.encode_utf8(&mut utf8).as_bytes()[1] as usize] = true;
        }
        at += 1;
    }
    marked
};

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
    fn ascii_words_are_found_in_any_case_across_chunks() {
        let text = format!(
            "{}Police{}POLICE{}police",
            "x".repeat(58),
            "é".repeat(40),
            "y".repeat(70)
        );
        let police = in_any_case(&text, "police");
        assert_eq!(police.len(), 3);
        assert_eq!(all("police", false, &text), police);
    }

    /// Every place where `text` holds `word` in some case, the slow way.
    fn in_any_case(text: &str, word: &str) -> Vec<usize> {
        (0..text.len())
            .filter(|&at| {
                text.as_bytes()[at..]
                    .get(..word.len())
                    .is_some_and(|found| found.eq_ignore_ascii_case(word.as_bytes()))
            })
            .collect()
    }

    #[test]
    fn a_rare_letter_that_proves_common_gives_way_to_lowering() {
        let text = format!("{}POLICE{}police pol", "pop ".repeat(40), " pop".repeat(30));
        let starts = Starts::new("police", false);
        let mut places = starts.in_text(&text);
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(at) = places.next(from) {
            found.push(at);
            from = at + 1;
        }
        assert!(places.scan.lowering, "p is everywhere");
        assert_eq!(found, in_any_case(&text, "police"));

        let text = format!("{}Quagmire, quagmire", "pop ".repeat(40));
        let starts = Starts::new("quagmire", false);
        let mut places = starts.in_text(&text);
        assert_eq!(places.next(0), Some(160));
        assert_eq!(places.next(161), Some(170));
        assert!(!places.scan.lowering, "q is rare");
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

    #[test]
    fn ligatures_sharp_s_long_s_and_kelvin_are_what_folds_into_ascii() {
        let text = "aﬁ é Ł ß ſ ẞ \u{212A} ź 東京 ﬆ";
        let every_lead = Leads::of("ßſẞ\u{212A}ﬀﬁﬂﬃﬄﬅﬆéŁź東".chars());
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(at) = next_folding_into_ascii(text, &every_lead, from) {
            found.push(text[at..].chars().next().unwrap());
            from = at + 1;
        }
        assert_eq!(found, ['ﬁ', 'ß', 'ſ', 'ẞ', '\u{212A}', 'ﬆ']);
    }
}
