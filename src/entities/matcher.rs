//! Gazetteer matching: one Aho-Corasick pass over the text for every alias,
//! kept where the case rule and the word boundaries agree.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::Organisation;

/// A gazetteer alias found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Byte range of the alias in the text.
    pub range: Range<usize>,
    /// Index of the organisation in the gazetteer.
    pub org: usize,
    /// Whether the alias is ambiguous and needs support from the text.
    pub needs_context: bool,
}

/// Every alias of a gazetteer, ready to search.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// One entry per automaton pattern: (organisation index, alias index).
    patterns: Vec<(usize, usize)>,
    automaton: AhoCorasick,
}

impl Matcher {
    /// A matcher for every alias of `organisations`.
    pub fn new(organisations: &[Organisation]) -> Result<Self, aho_corasick::BuildError> {
        let mut patterns = Vec::new();
        let mut texts = Vec::new();
        for (org, organisation) in organisations.iter().enumerate() {
            for (alias, entry) in organisation.aliases.iter().enumerate() {
                patterns.push((org, alias));
                texts.push(entry.text.as_str());
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&texts)?;
        Ok(Self {
            patterns,
            automaton,
        })
    }

    /// Every acceptable alias occurrence in `text`, overlapping ones included.
    pub fn hits(&self, organisations: &[Organisation], text: &str) -> Vec<Hit> {
        self.automaton
            .find_overlapping_iter(text)
            .filter_map(|found| {
                let (org, alias) = self.patterns[found.pattern().as_usize()];
                let alias = &organisations[org].aliases[alias];
                let range = found.range();
                (alias.case.accepts(&alias.text, &text[range.clone()])
                    && is_word_boundary(text, range.start)
                    && is_word_boundary(text, range.end))
                .then_some(Hit {
                    range,
                    org,
                    needs_context: alias.needs_context,
                })
            })
            .collect()
    }
}

/// Whether a name may start or end at byte `at`: not inside a word.
pub fn is_word_boundary(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    !matches!((before, after), (Some(b), Some(a)) if is_word_char(b) && is_word_char(a))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_are_between_word_and_non_word() {
        let text = "AP, cap";
        assert!(is_word_boundary(text, 0));
        assert!(is_word_boundary(text, 2));
        assert!(!is_word_boundary(text, 5));
        assert!(is_word_boundary(text, 7));
        assert!(is_word_boundary("é ", 2), "after a multi-byte letter");
    }
}
