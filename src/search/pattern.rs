//! One searchable piece of a query: a term, or a phrase whose words may be
//! separated by any run of whitespace (line and paragraph breaks too).

use std::ops::Range;

use super::fold::{fold, fold_into};

/// A term or phrase, ready to find in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// The words, as written.
    words: Vec<String>,
    /// The words folded, for case-insensitive matching.
    folded: Vec<Vec<char>>,
    /// Smart case: the pattern has an uppercase letter, so case must match.
    case_sensitive: bool,
    /// Every word is ASCII: matching can compare bytes.
    ascii: bool,
}

impl Pattern {
    /// A pattern for `text`; its words are what whitespace separates.
    /// `None` if it has no word.
    pub fn new(text: &str) -> Option<Self> {
        let words: Vec<String> = text.split_whitespace().map(str::to_owned).collect();
        if words.is_empty() {
            return None;
        }
        let case_sensitive = text.chars().any(char::is_uppercase);
        let folded = words.iter().map(|w| fold(w)).collect();
        let ascii = words.iter().all(|w| w.is_ascii());
        Some(Self {
            words,
            folded,
            case_sensitive,
            ascii,
        })
    }

    /// Whether the pattern is one word of letters and digits only (so it
    /// can only occur inside words).
    pub fn is_one_word(&self) -> bool {
        self.words.len() == 1 && self.words[0].chars().all(char::is_alphanumeric)
    }

    /// The words of the pattern, as typed.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str)
    }

    /// The pattern as it would be typed: its words joined by spaces.
    pub fn text(&self) -> String {
        self.words.join(" ")
    }

    /// Every non-overlapping occurrence in `text`, left to right, found as
    /// they are asked for.
    pub fn matches<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Range<usize>> + 't {
        let mut from = 0;
        std::iter::from_fn(move || {
            while from < text.len() {
                let start = self.next_start(text, from)?;
                match self.match_at(text, start) {
                    Some(end) => {
                        from = end;
                        return Some(start..end);
                    }
                    None => from = start + text[start..].chars().next().map_or(1, char::len_utf8),
                }
            }
            None
        })
    }

    /// Every non-overlapping occurrence in `text`, left to right.
    pub fn find_all(&self, text: &str) -> Vec<Range<usize>> {
        self.matches(text).collect()
    }

    /// How many non-overlapping occurrences `text` holds.
    pub fn count(&self, text: &str) -> usize {
        self.matches(text).count()
    }

    /// Whether `text` holds the pattern at all.
    pub fn is_in(&self, text: &str) -> bool {
        self.matches(text).next().is_some()
    }

    /// The next place from `from` where a match could start.
    fn next_start(&self, text: &str, from: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        if self.case_sensitive {
            let first = self.words[0].as_str();
            return text[from..].find(first).map(|at| from + at);
        }
        let word = self.words[0].as_bytes();
        if self.ascii {
            // Look for the word's rarest letter, in either case, and step
            // back to where the word would start: far fewer places to try
            // than its first letter.
            let (offset, rare) = word
                .iter()
                .enumerate()
                .min_by_key(|(_, b)| commonness(**b))
                .map(|(i, b)| (i, b.to_ascii_lowercase()))?;
            let mut search = from + offset;
            while search <= bytes.len() {
                let hit =
                    search + memchr::memchr2(rare, rare.to_ascii_uppercase(), &bytes[search..])?;
                let start = hit - offset;
                if text.is_char_boundary(start) {
                    return Some(start);
                }
                search = hit + 1;
            }
            return None;
        }
        // A word with non-ASCII letters: the places where its first
        // character, in either case, begins.
        let first = self.words[0].chars().next()?;
        let mut encoded = [[0u8; 4]; 2];
        let lower = first
            .to_lowercase()
            .next()
            .unwrap_or(first)
            .encode_utf8(&mut encoded[0])
            .as_bytes()[0];
        let upper = first
            .to_uppercase()
            .next()
            .unwrap_or(first)
            .encode_utf8(&mut encoded[1])
            .as_bytes()[0];
        memchr::memchr2(lower, upper, &bytes[from..]).map(|at| from + at)
    }

    /// The end of a match starting at `start`, if there is one.
    fn match_at(&self, text: &str, start: usize) -> Option<usize> {
        let mut at = start;
        for index in 0..self.words.len() {
            if index > 0 {
                let gap = text[at..]
                    .char_indices()
                    .find(|(_, c)| !c.is_whitespace())
                    .map_or(text.len() - at, |(offset, _)| offset);
                if gap == 0 {
                    return None;
                }
                at += gap;
            }
            at = self.match_word(index, text, at)?;
        }
        Some(at)
    }

    /// The end of word `index` of the pattern matched at `at`, if it
    /// matches there.
    fn match_word(&self, index: usize, text: &str, at: usize) -> Option<usize> {
        let word = &self.words[index];
        if self.case_sensitive {
            text[at..]
                .starts_with(word.as_str())
                .then(|| at + word.len())
        } else if self.ascii {
            let end = at + word.len();
            match text.as_bytes().get(at..end) {
                Some(found) if found.eq_ignore_ascii_case(word.as_bytes()) => Some(end),
                // "Straße" for "strasse": let folding decide.
                _ if !text.as_bytes()[at..]
                    .iter()
                    .take(word.len())
                    .all(u8::is_ascii) =>
                {
                    match_folded(text, at, &self.folded[index])
                }
                _ => None,
            }
        } else {
            match_folded(text, at, &self.folded[index])
        }
    }

    /// Whether the pattern is a phrase of words made of letters and digits
    /// (folded too), so that each of its words falls on whole words of the
    /// text but the first (which may end one) and the last (which may
    /// begin one).
    pub fn is_phrase_of_words(&self) -> bool {
        self.words.len() > 1
            && self
                .words
                .iter()
                .all(|w| w.chars().all(char::is_alphanumeric))
            && self.folded.iter().flatten().all(|c| c.is_alphanumeric())
    }

    /// How many words the pattern has.
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// For a phrase of words, whether its word `index` can match in the
    /// text word `word` (letters and digits): the first word must end it,
    /// the last begin it, any other be all of it.
    pub fn word_fits(&self, index: usize, word: &str) -> bool {
        let last = index + 1 == self.words.len();
        if index == 0 && !last {
            word.char_indices()
                .any(|(at, _)| self.match_word(index, word, at) == Some(word.len()))
        } else if last {
            self.match_word(index, word, 0).is_some()
        } else {
            self.match_word(index, word, 0) == Some(word.len())
        }
    }
}

/// How common an ASCII byte is in English news text (higher: more
/// common), to pick the rarest letter of a word to search for.
fn commonness(byte: u8) -> u8 {
    match byte.to_ascii_lowercase() {
        b'e' => 26,
        b't' => 25,
        b'a' => 24,
        b'o' => 23,
        b'i' => 22,
        b'n' => 21,
        b's' => 20,
        b'r' => 19,
        b'h' => 18,
        b'l' => 17,
        b'd' => 16,
        b'c' => 15,
        b'u' => 14,
        b'm' => 13,
        b'f' => 12,
        b'p' => 11,
        b'g' => 10,
        b'w' => 9,
        b'y' => 8,
        b'b' => 7,
        b',' | b'.' => 6,
        b'v' => 5,
        b'k' => 4,
        b'x' | b'j' | b'q' | b'z' => 3,
        b'0'..=b'9' => 2,
        _ => 1,
    }
}

/// If the text at `start` folds to begin with `wanted`, where that stretch
/// of text ends (on a character boundary).
fn match_folded(text: &str, start: usize, wanted: &[char]) -> Option<usize> {
    let mut matched = 0;
    let mut buffer = Vec::with_capacity(3);
    for (offset, c) in text[start..].char_indices() {
        buffer.clear();
        fold_into(c, &mut buffer);
        for &f in &buffer {
            if wanted.get(matched) != Some(&f) {
                return None;
            }
            matched += 1;
        }
        if matched == wanted.len() {
            return Some(start + offset + c.len_utf8());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'t>(text: &'t str, pattern: &str) -> Vec<&'t str> {
        Pattern::new(pattern)
            .unwrap()
            .find_all(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn smart_case() {
        assert_eq!(found("Europol EUROPOL europol", "europol").len(), 3);
        assert_eq!(found("Europol EUROPOL europol", "Europol"), ["Europol"]);
    }

    #[test]
    fn ascii_patterns_compare_bytes_and_still_ignore_case() {
        assert_eq!(found("Raid, RAID and raid", "raid").len(), 3);
        assert_eq!(
            found("the news\n\nagency", "news agency"),
            ["news\n\nagency"]
        );
        assert_eq!(found("Zürich zurich", "zurich"), ["zurich"], "ü is not u");
    }

    #[test]
    fn unicode_case_folding() {
        assert_eq!(found("ÉTAT, état", "état"), ["ÉTAT", "état"]);
        assert_eq!(
            found("Straße und STRASSE", "strasse"),
            ["Straße", "STRASSE"]
        );
    }

    #[test]
    fn phrases_span_any_whitespace() {
        let text = "the news\nagency said; the news  \n\n agency again; the newsagency";
        assert_eq!(found(text, "news agency").len(), 2);
        assert!(
            found(text, "\"news agency\"").is_empty(),
            "quotes are the parser's job"
        );
    }

    #[test]
    fn occurrences_do_not_overlap_and_count() {
        let pattern = Pattern::new("aa").unwrap();
        assert_eq!(pattern.count("aaaaa"), 2);
        assert!(pattern.is_in("xaay"));
        assert!(!pattern.is_in("a a"));
    }

    #[test]
    fn empty_patterns_do_not_exist() {
        assert!(Pattern::new("  ").is_none());
    }

    #[test]
    fn matches_are_char_boundaries_in_multibyte_text() {
        let text = "日本 news 日本";
        assert_eq!(Pattern::new("日本").unwrap().find_all(text), [0..6, 12..18]);
        assert_eq!(found("Zürich zürich", "zürich").len(), 2);
    }
}
