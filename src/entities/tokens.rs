//! Words of a text with their byte ranges, for the rules that read names
//! off the text itself.

use std::cell::{Cell, OnceCell};
use std::collections::HashSet;
use std::ops::Range;

/// One word: letters and digits, with inner hyphens and apostrophes
/// ("al-Bayan", "Prosecutor's").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// Whether the word starts a sentence (or the text).
    pub sentence_start: bool,
    /// The word's classes in the lexicon (see [`super::lexicon::class`]).
    pub class: u32,
    /// Whether only plain spaces (or a plural possessive's apostrophe)
    /// separate it from the next word.
    pub joined: bool,
    /// Whether exactly ", " separates it from the next word.
    pub comma_after: bool,
}

/// The words of a text, with what lies between them.
#[derive(Debug, Clone)]
pub struct Tokens<'t> {
    /// The text the words come from.
    pub text: &'t str,
    /// Every word, in order.
    pub words: Vec<Word>,
    /// Every byte offset where a letter or digit follows a character that is
    /// neither (nor `_`): the places where a name can begin, inside words
    /// too ("Europol" in "pro-Europol").
    pub starts: Vec<usize>,
    /// For each of `starts`, where the run of ASCII letters and digits
    /// that begins there ends (the start itself where the first character
    /// is no ASCII letter or digit): what the gazetteer's matcher hashes.
    pub run_ends: Vec<usize>,
    /// A filter of the words written in lower case (not at a sentence
    /// start), for [`Self::is_ordinary_sentence_start`].
    lower_words: Vec<u64>,
    /// How many words the scans for lower-case words have read: the
    /// first few words the filter lets through are looked for by a scan,
    /// which usually stops early ("the" comes soon), and past
    /// [`Self::scan_budget`] the set below is built instead.
    scanned: Cell<usize>,
    /// The words not at a sentence start, as written: built once the scans
    /// have read their budget, so that a long text with many sentences is
    /// answered by lookups rather than a scan per sentence. Keyed with a
    /// per-process seed: article text is untrusted.
    inner_words: OnceCell<HashSet<&'t str, foldhash::fast::RandomState>>,
}

impl<'t> Tokens<'t> {
    /// Splits `text` into words, each looked up once in the lexicon.
    pub fn new(text: &'t str) -> Self {
        let mut split = Split::new(text);
        let bytes = text.as_bytes();
        let mut start: Option<usize> = None;
        let mut previous_is_word = false;
        let mut at = 0;
        while at < bytes.len() {
            // ASCII letters and digits: a word starts or goes on, a whole
            // run at a time.
            if bytes[at].is_ascii_alphanumeric() {
                let run_start = at;
                start.get_or_insert(at);
                at = super::hash::alphanumeric_run_end(bytes, at + 1);
                if !previous_is_word {
                    split.starts.push(run_start);
                    split.run_ends.push(at);
                    previous_is_word = true;
                }
                continue;
            }
            // A space ends a word and nothing else.
            if bytes[at] == b' ' {
                if let Some(begin) = start.take() {
                    split.push_word(begin..at);
                }
                previous_is_word = false;
                at += 1;
                continue;
            }
            // ASCII is read byte by byte; other characters are decoded.
            let (c, len) = if bytes[at].is_ascii() {
                (char::from(bytes[at]), 1)
            } else {
                let c = text[at..].chars().next().unwrap_or(' ');
                (c, c.len_utf8())
            };
            let word_char = if len == 1 {
                c.is_ascii_alphanumeric()
            } else {
                c.is_alphanumeric()
            };
            if word_char && !previous_is_word {
                // Not an ASCII letter or digit (those are read above).
                split.starts.push(at);
                split.run_ends.push(at);
            }
            previous_is_word = word_char || c == '_';
            let joiner = start.is_some()
                && matches!(c, '-' | '\'' | '’')
                && text[at + len..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if word_char || joiner {
                start.get_or_insert(at);
                at += len;
                continue;
            }
            if let Some(begin) = start.take() {
                split.push_word(begin..at);
            }
            let after_abbreviation = c == '.'
                && split.words.last().is_some_and(|w| {
                    w.range.end == at
                        && (w.class & super::lexicon::class::ABBREVIATION != 0
                            || text[w.range.clone()].chars().nth(1).is_none())
                });
            if ends_sentence(c, bytes, at) && !after_abbreviation {
                split.sentence_start = true;
            }
            at += len;
        }
        if let Some(begin) = start {
            split.push_word(begin..text.len());
        }
        Self {
            text,
            words: split.words,
            starts: split.starts,
            run_ends: split.run_ends,
            lower_words: split.lower_words,
            scanned: Cell::new(0),
            inner_words: OnceCell::new(),
        }
    }

    /// Whether word `i` is in any of the lexicon classes `bits`.
    pub fn is(&self, i: usize, bits: u32) -> bool {
        self.words[i].class & bits != 0
    }

    /// Whether word `i` ends in a possessive "'s" or "’s" (read from the
    /// bytes, without slicing the word out).
    pub fn ends_possessive(&self, i: usize) -> bool {
        let end = self.words[i].range.end;
        let bytes = self.text.as_bytes();
        end >= 2
            && bytes[end - 1] == b's'
            && (bytes[end - 2] == b'\'' || (end >= 4 && bytes[end - 4..end - 1] == *"’".as_bytes()))
    }

    /// The text of word `i`.
    pub fn word(&self, i: usize) -> &'t str {
        &self.text[self.words[i].range.clone()]
    }

    /// The text between word `i` and word `i + 1`.
    pub fn gap_after(&self, i: usize) -> &'t str {
        match self.words.get(i + 1) {
            Some(next) => &self.text[self.words[i].range.end..next.range.start],
            None => &self.text[self.words[i].range.end..],
        }
    }

    /// The text before word `i` and after the previous one.
    pub fn gap_before(&self, i: usize) -> &'t str {
        let start = if i == 0 {
            0
        } else {
            self.words[i - 1].range.end
        };
        &self.text[start..self.words[i].range.start]
    }

    /// Whether words `i` and `i + 1` are separated by plain spaces only
    /// (or by the apostrophe of a plural possessive: "Magistrates’ Court").
    pub fn joined(&self, i: usize) -> bool {
        self.words[i].joined
    }

    /// Whether word `i` begins with a capital letter, after an Arabic
    /// article if it has one ("al-Bayan", "as-Sahab").
    pub fn is_capitalised(&self, i: usize) -> bool {
        is_capitalised(self.word(i))
    }

    /// Whether word `i` has its capital only because it starts a sentence:
    /// it starts one, and the same word appears in lower case elsewhere.
    pub fn is_ordinary_sentence_start(&self, i: usize) -> bool {
        if !self.words[i].sentence_start {
            return false;
        }
        let word = self.word(i);
        if !word.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        // Most capitalised words never appear in lower case: a filter of
        // the lower-case words says so without a scan; a word it lets
        // through is looked for.
        let filter = &self.lower_words;
        let found = |lower: &str| {
            let bit = lower_filter_bit(super::hash::load(lower.as_bytes()), lower.len());
            filter[bit / 64] & (1 << (bit % 64)) != 0 && self.has_inner_word(lower)
        };
        // Short ASCII words are lower-cased on the stack.
        let mut buffer = [0u8; 32];
        match buffer.get_mut(..word.len()) {
            Some(lower) if word.is_ascii() => {
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                std::str::from_utf8(lower).is_ok_and(found)
            }
            _ => found(&word.to_lowercase()),
        }
    }
}

impl<'t> Tokens<'t> {
    /// Whether `lower` is written somewhere not at a sentence start: by a
    /// scan while the scans have read fewer than [`Self::scan_budget`]
    /// words, then by the set of such words, built once. Building the set
    /// costs about as much as a few scans, and most texts ask for a few
    /// common words that a scan meets early.
    fn has_inner_word(&self, lower: &str) -> bool {
        if self.inner_words.get().is_some() || self.scanned.get() >= self.scan_budget() {
            return self.inner_words().contains(lower);
        }
        let bytes = self.text.as_bytes();
        let found = self.words.iter().position(|w| {
            w.range.len() == lower.len()
                && !w.sentence_start
                && bytes[w.range.clone()] == *lower.as_bytes()
        });
        self.scanned
            .set(self.scanned.get() + found.map_or(self.words.len(), |at| at + 1));
        found.is_some()
    }

    /// How many words the scans of [`Self::has_inner_word`] may read
    /// before the set is built: twice the text, so that the scans never
    /// cost more than building the set a few times over.
    fn scan_budget(&self) -> usize {
        2 * self.words.len() + 64
    }

    /// The words not at a sentence start, as written, that can equal a
    /// word in lower case: those whose first byte is no capital.
    fn inner_words(&self) -> &HashSet<&'t str, foldhash::fast::RandomState> {
        self.inner_words.get_or_init(|| {
            let bytes = self.text.as_bytes();
            // Sized for every word at once: growing it rehashes each time.
            let mut set = HashSet::with_capacity_and_hasher(
                self.words.len(),
                foldhash::fast::RandomState::default(),
            );
            set.extend(
                self.words
                    .iter()
                    .filter(|w| !w.sentence_start && !bytes[w.range.start].is_ascii_uppercase())
                    .map(|w| &self.text[w.range.clone()]),
            );
            set
        })
    }
}

/// How many bits the lower-case word filter of [`Tokens`] has.
const LOWER_FILTER_BITS: usize = 1 << 14;

/// The bit of a word in the lower-case word filter: from its first eight
/// bytes (`prefix`) and its length.
fn lower_filter_bit(prefix: u64, len: usize) -> usize {
    let key = prefix ^ (len as u64).wrapping_mul(super::hash::MULTIPLIER);
    usize::try_from(key.wrapping_mul(super::hash::MULTIPLIER) >> 50).unwrap_or(0)
}

/// What [`Tokens::new`] builds as it reads a text.
struct Split<'t> {
    text: &'t str,
    words: Vec<Word>,
    lower_words: Vec<u64>,
    starts: Vec<usize>,
    run_ends: Vec<usize>,
    /// Whether the next word starts a sentence.
    sentence_start: bool,
}

impl<'t> Split<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            text,
            words: Vec::with_capacity(text.len() / 6),
            lower_words: vec![0u64; LOWER_FILTER_BITS / 64],
            starts: Vec::with_capacity(text.len() / 5),
            run_ends: Vec::with_capacity(text.len() / 5),
            sentence_start: true,
        }
    }

    /// Adds the word at `range`, looked up in the lexicon, and records
    /// what separates it from the word before: each word is read once
    /// more, here, after the scan that found its end.
    fn push_word(&mut self, range: Range<usize>) {
        let bytes = self.text.as_bytes();
        let sentence_start = std::mem::replace(&mut self.sentence_start, false);
        let prefix = super::hash::prefix_at(bytes, range.clone());
        if !sentence_start
            && (bytes[range.start].is_ascii_lowercase() || !bytes[range.start].is_ascii())
        {
            let bit = lower_filter_bit(prefix, range.len());
            self.lower_words[bit / 64] |= 1 << (bit % 64);
        }
        if let Some(previous) = self.words.last_mut() {
            // Most words are one space apart.
            let single_space =
                range.start == previous.range.end + 1 && bytes[previous.range.end] == b' ';
            if single_space {
                previous.joined = true;
            } else {
                gaps(previous, bytes, range.start);
            }
        }
        self.words.push(Word {
            class: super::lexicon::class_keyed(prefix, self.text, range.clone()),
            range,
            sentence_start,
            joined: false,
            comma_after: false,
        });
    }
}

/// Records what separates `previous` from a word starting at `next`.
fn gaps(previous: &mut Word, bytes: &[u8], next: usize) {
    {
        let gap = &bytes[previous.range.end..next];
        previous.comma_after = gap == b", ";
        // A plural possessive's apostrophe joins ("Magistrates’ Court").
        let gap = if bytes[previous.range.end - 1] == b's' {
            gap.strip_prefix("’".as_bytes())
                .or_else(|| gap.strip_prefix(b"'"))
                .unwrap_or(gap)
        } else {
            gap
        };
        previous.joined = !gap.is_empty() && gap.iter().all(|&b| b == b' ');
    }
}

/// Whether `word` is written in capitals: two ASCII capitals or more and
/// no lower-case letter ("KTA", "RAB-3", "AT&T", a headline's "WINS").
pub fn is_in_capitals(word: &str) -> bool {
    word.bytes().filter(u8::is_ascii_uppercase).count() >= 2
        && !word.chars().any(char::is_lowercase)
}

/// Whether `word` begins with a capital letter, after an Arabic article if
/// it has one ("al-Bayan", "as-Sahab").
pub fn is_capitalised(word: &str) -> bool {
    let bytes = word.as_bytes();
    match bytes.first() {
        Some(b'A'..=b'Z') => true,
        // Only "a…-" and "e…-" can be an Arabic article.
        Some(b'a' | b'e') if bytes.get(2) == Some(&b'-') || bytes.get(3) == Some(&b'-') => [
            "al-", "el-", "as-", "ad-", "an-", "ar-", "at-", "ash-", "az-",
        ]
        .iter()
        .find_map(|article| word.strip_prefix(article))
        .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase)),
        Some(byte) if byte.is_ascii() => false,
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Whether `word` ends in a possessive "'s" or "’s".
pub fn is_possessive(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() >= 2
        && bytes[bytes.len() - 1] == b's'
        && (bytes[bytes.len() - 2] == b'\'' || word.ends_with("’s"))
}

/// `word` without a possessive ending ("police’s" → "police").
pub fn without_possessive(word: &str) -> &str {
    if !word.ends_with('s') {
        return word;
    }
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// Whether `c` at byte `at` ends a sentence: `.`, `!`, `?` followed by
/// space, or a line break. "U.S." and "No. 10" keep going when the next
/// character is not a space.
fn ends_sentence(c: char, bytes: &[u8], at: usize) -> bool {
    match c {
        '\n' => true,
        '.' | '!' | '?' => bytes
            .get(at + 1)
            .is_none_or(|next| next.is_ascii_whitespace() || matches!(next, b'"' | b'\'')),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, bool)> {
        let tokens = Tokens::new(text);
        tokens
            .words
            .iter()
            .map(|w| (&text[w.range.clone()], w.sentence_start))
            .collect()
    }

    #[test]
    fn words_keep_inner_hyphens_and_apostrophes() {
        assert_eq!(
            words("al-Bayan's Prosecutor’s - end"),
            [
                ("al-Bayan's", true),
                ("Prosecutor’s", false),
                ("end", false)
            ]
        );
    }

    #[test]
    fn sentence_starts_follow_stops_and_line_breaks() {
        assert_eq!(
            words("One two. Three U.S. four!\nFive"),
            [
                ("One", true),
                ("two", false),
                ("Three", true),
                ("U", false),
                ("S", false),
                ("four", false),
                ("Five", true)
            ]
        );
    }

    #[test]
    fn ordinary_sentence_starts_are_told_from_names() {
        let tokens = Tokens::new("Local officials met. The local news. Kestrel Radio said.");
        assert!(
            tokens.is_ordinary_sentence_start(0),
            "Local appears as local"
        );
        assert!(
            !tokens.is_ordinary_sentence_start(7),
            "Kestrel never appears in lower case"
        );
        assert!(!tokens.is_ordinary_sentence_start(1));
    }

    #[test]
    fn many_sentence_starts_are_answered_alike_by_scans_and_by_the_set() {
        // Each "Kestrel" is sought to the end of the text, where its lower
        // case stands: the scans spend their budget and the set is built.
        let text = format!("{}Osprey left. the kestrel", "Kestrel said. ".repeat(50));
        let tokens = Tokens::new(&text);
        let kestrels: Vec<usize> = (0..tokens.words.len())
            .filter(|&i| tokens.word(i) == "Kestrel")
            .collect();
        assert_eq!(kestrels.len(), 50);
        assert!(tokens.is_ordinary_sentence_start(kestrels[0]));
        assert!(tokens.inner_words.get().is_none(), "one scan is in budget");
        assert!(
            kestrels
                .iter()
                .all(|&i| tokens.is_ordinary_sentence_start(i))
        );
        assert!(tokens.inner_words.get().is_some(), "the set was built");
        let osprey = tokens.words.len() - 4;
        assert_eq!(tokens.word(osprey), "Osprey");
        assert!(!tokens.is_ordinary_sentence_start(osprey));
    }

    proptest::proptest! {
        #[test]
        fn ordinary_sentence_starts_are_those_a_scan_finds(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Local", "local", "Kestrel", "News", "news", "Élan", "élan", "the", "The",
                    "police.", "Police", "officials.", "Officials", "LOCAL",
                ]),
                1..160,
            )
        ) {
            let text = words.join(" ");
            let tokens = Tokens::new(&text);
            for i in 0..tokens.words.len() {
                let word = tokens.word(i);
                let lower = word.to_lowercase();
                let expected = tokens.words[i].sentence_start
                    && word.chars().next().is_some_and(char::is_uppercase)
                    && (0..tokens.words.len())
                        .any(|j| !tokens.words[j].sentence_start && tokens.word(j) == lower);
                proptest::prop_assert_eq!(tokens.is_ordinary_sentence_start(i), expected, "{}", word);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn starts_and_run_ends_are_what_a_scan_finds(text in "[aZ9é_ .'’-]{0,40}") {
            let tokens = Tokens::new(&text);
            let word_char = |c: char| c.is_alphanumeric() || c == '_';
            let mut expected = Vec::new();
            let mut previous: Option<char> = None;
            for (at, c) in text.char_indices() {
                if c.is_alphanumeric() && !previous.is_some_and(word_char) {
                    let run = text[at..]
                        .bytes()
                        .take_while(u8::is_ascii_alphanumeric)
                        .count();
                    expected.push((at, at + run));
                }
                previous = Some(c);
            }
            let found: Vec<(usize, usize)> = tokens
                .starts
                .iter()
                .copied()
                .zip(tokens.run_ends.iter().copied())
                .collect();
            proptest::prop_assert_eq!(tokens.starts.len(), tokens.run_ends.len());
            proptest::prop_assert_eq!(found, expected);
        }
    }

    #[test]
    fn possessives_are_read_from_the_bytes() {
        let tokens = Tokens::new("police's police’s Police s’s bus");
        let possessive: Vec<bool> = (0..tokens.words.len())
            .map(|i| tokens.ends_possessive(i))
            .collect();
        assert_eq!(possessive, [true, true, false, true, false]);
        assert!(is_possessive("police’s") && !is_possessive("s") && !is_possessive("bus"));
        assert_eq!(without_possessive("Commission’s"), "Commission");
    }

    #[test]
    fn gaps_between_words() {
        let tokens = Tokens::new("Halumu and  Nashir, sites");
        assert!(tokens.joined(0));
        assert!(tokens.joined(1), "any run of plain spaces joins");
        let plural = Tokens::new("Magistrates’ Court and Smith' court");
        assert!(plural.joined(0), "a plural possessive joins");
        assert!(!plural.joined(3));
        assert_eq!(tokens.gap_after(2), ", ");
        assert_eq!(tokens.gap_before(0), "");
    }

    #[test]
    fn a_full_stop_after_an_abbreviation_ends_no_sentence() {
        assert_eq!(
            words("Mr. Kestrel said. Then"),
            [
                ("Mr", true),
                ("Kestrel", false),
                ("said", false),
                ("Then", true)
            ]
        );
    }
}
