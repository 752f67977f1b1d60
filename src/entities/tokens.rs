//! Words of a text with their byte ranges, for the rules that read names
//! off the text itself.

use std::cell::RefCell;
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
    /// Answers already given by [`Self::is_ordinary_sentence_start`].
    ordinary_starts: RefCell<Vec<(usize, bool)>>,
}

impl<'t> Tokens<'t> {
    /// Splits `text` into words, each looked up once in the lexicon.
    pub fn new(text: &'t str) -> Self {
        let mut words: Vec<Word> = Vec::with_capacity(text.len() / 6);
        let bytes = text.as_bytes();
        let mut start: Option<usize> = None;
        let mut sentence_start = true;
        let mut starts = Vec::with_capacity(text.len() / 5);
        let mut previous_is_word = false;
        let mut at = 0;
        while at < bytes.len() {
            // Inside a word, its ASCII letters and digits go in one step.
            if previous_is_word && start.is_some() && bytes[at].is_ascii_alphanumeric() {
                at += bytes[at..]
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .unwrap_or(bytes.len() - at);
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
                starts.push(at);
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
                words.push(Word {
                    range: begin..at,
                    sentence_start,
                    class: 0,
                    joined: false,
                    comma_after: false,
                });
                sentence_start = false;
            }
            let after_abbreviation = c == '.'
                && words
                    .last()
                    .is_some_and(|w| w.range.end == at && is_abbreviation(&text[w.range.clone()]));
            if ends_sentence(c, bytes, at) && !after_abbreviation {
                sentence_start = true;
            }
            at += len;
        }
        if let Some(begin) = start {
            words.push(Word {
                range: begin..text.len(),
                sentence_start,
                class: 0,
                joined: false,
                comma_after: false,
            });
        }
        for i in 0..words.len() {
            let word = &text[words[i].range.clone()];
            words[i].class = super::lexicon::class(word);
            if let Some(next) = words.get(i + 1) {
                let gap = &text[words[i].range.end..next.range.start];
                words[i].comma_after = gap == ", ";
                let gap = if word.ends_with('s') {
                    gap.strip_prefix('’')
                        .or_else(|| gap.strip_prefix('\''))
                        .unwrap_or(gap)
                } else {
                    gap
                };
                words[i].joined = !gap.is_empty() && gap.bytes().all(|b| b == b' ');
            }
        }
        Self {
            text,
            words,
            starts,
            ordinary_starts: RefCell::new(Vec::new()),
        }
    }

    /// Whether word `i` is in any of the lexicon classes `bits`.
    pub fn is(&self, i: usize, bits: u32) -> bool {
        self.words[i].class & bits != 0
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
        // Asked about few words, so each is answered by a scan of the
        // words of the same length, and remembered.
        let mut answers = self.ordinary_starts.borrow_mut();
        if let Some(&(_, answer)) = answers.iter().find(|(at, _)| *at == i) {
            return answer;
        }
        let lower = word.to_lowercase();
        let answer = self.words.iter().any(|w| {
            !w.sentence_start && w.range.len() == lower.len() && self.text[w.range.clone()] == lower
        });
        answers.push((i, answer));
        answer
    }
}

/// Whether `word` begins with a capital letter, after an Arabic article if
/// it has one ("al-Bayan", "as-Sahab").
pub fn is_capitalised(word: &str) -> bool {
    let rest = [
        "al-", "el-", "as-", "ad-", "an-", "ar-", "at-", "ash-", "az-",
    ]
    .iter()
    .find_map(|article| word.strip_prefix(article))
    .unwrap_or(word);
    rest.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `word` ends in a possessive "'s" or "’s".
pub fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

/// `word` without a possessive ending ("police’s" → "police").
pub fn without_possessive(word: &str) -> &str {
    word.trim_end_matches("'s").trim_end_matches("’s")
}

/// Words that a full stop follows without ending the sentence: single
/// letters ("U.S.") and the abbreviations of the lexicon ("Mr.").
fn is_abbreviation(word: &str) -> bool {
    word.chars().count() == 1 || super::lexicon::abbreviation(word)
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
}
