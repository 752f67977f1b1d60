//! One searchable piece of a query: a term, or a phrase whose words may be
//! separated by any run of whitespace (line and paragraph breaks too).
//!
//! A pattern with an uppercase letter matches case exactly (smart case);
//! any other ignores case by full case folding ([`super::fold`]): a stretch
//! of text matches a word when its folding is the word's, so that "fi"
//! finds the whole ligature "ﬁ" but "f" finds no part of it. Matches are
//! byte ranges of the text as it is. The places a match is tried come from
//! a finder ([`super::fold::starts`]) that may offer too many but never too
//! few, and the tests hold every pattern to a plain reading that tries
//! every character.

use std::ops::Range;

use super::fold::{fold, fold_char, starts::Starts};

/// A term or phrase, ready to find in text. Two patterns are equal when
/// their words are.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// The words, as written.
    words: Vec<String>,
    /// The words folded, for case-insensitive matching.
    folded: Vec<Vec<char>>,
    /// Smart case: the pattern has an uppercase letter, so case must match.
    case_sensitive: bool,
    /// Per word, whether it is ASCII: matching can compare bytes.
    ascii: Vec<bool>,
    /// Where the first word can begin (boxed: it is large, and a query
    /// holds patterns inline).
    starts: Box<Starts>,
}

// Everything else follows from the words.
impl PartialEq for Pattern {
    fn eq(&self, other: &Self) -> bool {
        self.words == other.words
    }
}

impl Eq for Pattern {}

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
        let ascii = words.iter().map(|w| w.is_ascii()).collect();
        let starts = Box::new(Starts::new(&words[0], case_sensitive));
        Some(Self {
            words,
            folded,
            case_sensitive,
            ascii,
            starts,
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
        let mut starts = self.starts.in_text(text);
        let mut from = 0;
        std::iter::from_fn(move || {
            while from < text.len() {
                let start = starts.next(from)?;
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
        } else if self.ascii[index] {
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

/// If the text at `start` folds to begin with `wanted`, where that stretch
/// of text ends (on a character boundary).
fn match_folded(text: &str, start: usize, wanted: &[char]) -> Option<usize> {
    let mut rest = wanted;
    for (offset, c) in text[start..].char_indices() {
        match fold_char(c) {
            None => rest = rest.strip_prefix(&[c])?,
            Some(folded) => {
                for f in folded.chars() {
                    rest = rest.strip_prefix(&[f])?;
                }
            }
        }
        if rest.is_empty() {
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

    #[test]
    fn ascii_terms_find_text_that_folds_to_them() {
        assert_eq!(found("the ﬁnance desk", "finance"), ["ﬁnance"]);
        assert_eq!(found("an oﬃce, an oﬀice", "office"), ["oﬃce", "oﬀice"]);
        assert_eq!(
            found("300 \u{212A} or 300 K", "300 k"),
            ["300 \u{212A}", "300 K"]
        );
        assert_eq!(found("Weſt weſt", "west"), ["Weſt", "weſt"]);
        assert_eq!(found("Straße STRASSE", "strasse"), ["Straße", "STRASSE"]);
        assert_eq!(found("\u{212A}ELVIN", "kelvin"), ["\u{212A}ELVIN"]);
    }

    #[test]
    fn a_match_never_splits_what_a_character_folds_to() {
        assert!(found("ﬁnance", "f").is_empty());
        assert!(found("ﬁnance", "inance").is_empty());
        assert!(
            found("Straße", "s").len() == 1,
            "only the first s: ß is two"
        );
        assert_eq!(found("ﬁ", "fi"), ["ﬁ"]);
    }

    #[test]
    fn micro_sign_and_mu_find_each_other() {
        assert_eq!(found("5 µg or 5 μg or 5 ΜG", "μg"), ["µg", "μg", "ΜG"]);
        assert_eq!(found("5 µg or 5 μg or 5 ΜG", "µg"), ["µg", "μg", "ΜG"]);
    }

    #[test]
    fn smart_case_holds_for_letters_that_fold_into_ascii() {
        assert!(
            found("kelvin", "\u{212A}elvin").is_empty(),
            "K is a capital"
        );
        assert_eq!(found("ﬁnance Finance", "Finance"), ["Finance"]);
    }

    #[test]
    fn hits_are_counted_past_sixteen_bits() {
        let text = "a ".repeat(70_000);
        assert_eq!(Pattern::new("a").unwrap().count(&text), 70_000);
    }

    /// The plain reading every pattern is held to: each character boundary
    /// tried in turn, each word compared folded (or as it is, for smart
    /// case), a phrase's words parted by a whole run of whitespace.
    fn plain_find_all(pattern: &str, text: &str) -> Vec<Range<usize>> {
        let words: Vec<&str> = pattern.split_whitespace().collect();
        let exact = pattern.chars().any(char::is_uppercase);
        let word_end = |word: &str, at: usize| -> Option<usize> {
            if exact {
                return text[at..].starts_with(word).then(|| at + word.len());
            }
            let wanted = fold(word);
            let mut folded = Vec::new();
            for (offset, c) in text[at..].char_indices() {
                super::super::fold::fold_into(c, &mut folded);
                if folded.len() >= wanted.len() {
                    return (folded == wanted).then(|| at + offset + c.len_utf8());
                }
            }
            None
        };
        let match_at = |start: usize| -> Option<usize> {
            let mut at = start;
            for (index, word) in words.iter().enumerate() {
                if index > 0 {
                    let gap = text[at..]
                        .find(|c: char| !c.is_whitespace())
                        .unwrap_or(text.len() - at);
                    if gap == 0 {
                        return None;
                    }
                    at += gap;
                }
                at = word_end(word, at)?;
            }
            Some(at)
        };
        let mut found = Vec::new();
        let mut from = 0;
        for (start, _) in text.char_indices() {
            if start < from {
                continue;
            }
            if let Some(end) = match_at(start) {
                found.push(start..end);
                from = end;
            }
        }
        found
    }

    /// Pieces of text that fold in every awkward way: ligatures, the
    /// Kelvin sign, long and sharp s, micro sign and mu, Turkish dotted and
    /// dotless i, combining marks, final sigma, whitespace outside ASCII.
    const PIECES: &[&str] = &[
        "a", "f", "i", "k", "l", "s", "t", "e", "g", "n", "o", "p", "ss", "fi", "ffi", "st",
        "office", "police", "Police", "POLICE", "europol", "K", "S", "F", "I", " ", " ", "  ",
        "\n", "\u{a0}", "\u{2003}", "ﬀ", "ﬁ", "ﬂ", "ﬃ", "ﬄ", "ﬅ", "ﬆ", "\u{212A}", "ſ", "ß", "ẞ",
        "µ", "μ", "Μ", "İ", "ı", "\u{307}", "\u{301}", "é", "ς", "σ", "Σ", "ǰ", "\u{30C}", "ŉ",
        "ʼ", "日本", "-", ".",
    ];

    fn pieces(range: std::ops::Range<usize>) -> impl proptest::strategy::Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(PIECES), range).prop_map(|p| p.concat())
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn finders_find_what_trying_every_character_finds(
            text in pieces(0..80),
            pattern in pieces(1..4),
        ) {
            let Some(compiled) = Pattern::new(&pattern) else {
                return Ok(());
            };
            let expected = plain_find_all(&pattern, &text);
            prop_assert_eq!(compiled.find_all(&text), expected.clone());
            prop_assert_eq!(compiled.count(&text), expected.len());
            prop_assert_eq!(compiled.is_in(&text), !expected.is_empty());
        }

        #[test]
        fn ascii_terms_find_what_trying_every_character_finds(
            text in pieces(0..120),
            pattern in proptest::sample::select(&["police", "office", "fi", "k", "st", "ss", "s", "kelvin", "ffl", "a", "news agency", "e g"][..]),
        ) {
            let expected = plain_find_all(pattern, &text);
            prop_assert_eq!(Pattern::new(pattern).unwrap().find_all(&text), expected);
        }
    }
}
