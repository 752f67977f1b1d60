//! Gazetteer matching: every alias that starts at a word start, ends at a
//! word end and fits its case rule.
//!
//! A name can only begin where a word begins, so instead of running an
//! automaton over every byte, the matcher looks at word starts only: it
//! keys each alias by its first two words (lower-cased ASCII) and, at each
//! word start, looks up the words found there. The few aliases that begin
//! with anything else ("Élysée", "共同通信", "+972") are keyed by their first
//! character. Together they give exactly what a full case-insensitive
//! Aho-Corasick scan with boundary checks gives; a property test holds them
//! to it.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use super::Organisation;
use super::hash::{MULTIPLIER, SignatureSet, WordHash, finish, mix};

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

/// One alias, as the matcher stores it.
#[derive(Debug, Clone, Copy)]
struct Pattern {
    org: u32,
    alias: u32,
}

/// Keys are already hashes: pass them through.
#[derive(Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = mix(self.0, bytes);
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type Buckets = HashMap<u64, Vec<Pattern>, BuildHasherDefault<Identity>>;

/// Every alias of a gazetteer, ready to search.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// Aliases keyed by (first word, second word); one-word aliases by
    /// (first word, nothing).
    buckets: Buckets,
    /// Signatures of the aliases' first words: most words begin no alias,
    /// and this says so before any hashing.
    first_words: SignatureSet,
    /// Aliases that begin with something other than an ASCII letter or
    /// digit, by their first character.
    others: HashMap<char, Vec<Pattern>, WordHash>,
    /// Whether an ASCII character begins one of `others` ("+" of "+972").
    others_ascii: [bool; 128],
}

/// Folds the run of ASCII letters and digits at `at` into `seed`, case
/// folded (setting bit 5 lower-cases a letter and leaves a digit as it is),
/// eight bytes at a time; returns the hash and where the run ends.
fn fold_run(bytes: &[u8], mut at: usize, seed: u64) -> (u64, usize) {
    let start = at;
    let mut hash = seed;
    let mut chunk = 0u64;
    let mut filled = 0;
    while let Some(&byte) = bytes.get(at) {
        if !byte.is_ascii_alphanumeric() {
            break;
        }
        chunk |= u64::from(byte | 0x20) << (8 * filled);
        filled += 1;
        at += 1;
        if filled == 8 {
            hash = (hash ^ chunk).wrapping_mul(MULTIPLIER).rotate_left(29);
            chunk = 0;
            filled = 0;
        }
    }
    if filled > 0 {
        hash = (hash ^ chunk).wrapping_mul(MULTIPLIER).rotate_left(29);
    }
    (hash ^ (at - start) as u64, at)
}

/// The keys of the word at `at`: of its first run of ASCII letters and
/// digits, and of that run with the next one (past what separates words:
/// spaces, dots, hyphens, apostrophes); and where the first run ends.
fn keys(bytes: &[u8], at: usize) -> (u64, u64, usize) {
    let (first, first_end) = fold_run(bytes, at, 0);
    let both = second_key(bytes, first, first_end);
    (finish(first), both, first_end)
}

/// The key of a first run (its unfinished hash `first`, ending at
/// `first_end`) together with the run after it.
fn second_key(bytes: &[u8], first: u64, first_end: usize) -> u64 {
    let mut second_start = first_end;
    while second_start < bytes.len()
        && second_start - first_end < 4
        && !bytes[second_start].is_ascii_alphanumeric()
    {
        second_start += 1;
    }
    let (both, _) = fold_run(bytes, second_start, first ^ 0xff);
    finish(both)
}

/// A cheap 16-bit hash of the run of ASCII letters and digits at `at`
/// (case folded), for the first-word filter.
fn quick_run(bytes: &[u8], at: usize) -> u16 {
    let mut hash: u32 = 0;
    let mut end = at;
    while let Some(&byte) = bytes.get(end) {
        if !byte.is_ascii_alphanumeric() {
            break;
        }
        hash = hash.wrapping_mul(31).wrapping_add(u32::from(byte | 0x20));
        end += 1;
    }
    let folded = hash ^ (hash >> 16);
    u16::try_from(folded & 0xffff).unwrap_or(0)
}

/// Whether the alias `alias` has a second word under [`keys`].
fn has_second_word(alias: &[u8]) -> bool {
    let first_end = alias
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(alias.len());
    alias[first_end..]
        .iter()
        .take(4)
        .any(u8::is_ascii_alphanumeric)
}

impl Matcher {
    /// A matcher for every alias of `organisations`.
    pub fn new(organisations: &[Organisation]) -> Self {
        let mut buckets = Buckets::default();
        let mut first_words = SignatureSet::default();
        let mut others: HashMap<char, Vec<Pattern>, WordHash> = HashMap::default();
        for (org, organisation) in organisations.iter().enumerate() {
            for (alias, entry) in organisation.aliases.iter().enumerate() {
                let pattern = Pattern {
                    org: u32::try_from(org).unwrap_or(u32::MAX),
                    alias: u32::try_from(alias).unwrap_or(u32::MAX),
                };
                let bytes = entry.text.as_bytes();
                if bytes.first().is_some_and(u8::is_ascii_alphanumeric) {
                    let (first, both, _) = keys(bytes, 0);
                    first_words.insert(quick_run(bytes, 0));
                    let key = if has_second_word(bytes) { both } else { first };
                    buckets.entry(key).or_default().push(pattern);
                } else if let Some(first) = entry.text.chars().next() {
                    // ASCII letters fold (as in the rest of the matcher);
                    // other characters must match as written.
                    for variant in [first.to_ascii_lowercase(), first.to_ascii_uppercase()] {
                        let list = others.entry(variant).or_default();
                        if list
                            .iter()
                            .all(|p: &Pattern| (p.org, p.alias) != (pattern.org, pattern.alias))
                        {
                            list.push(pattern);
                        }
                    }
                }
            }
        }
        let mut others_ascii = [false; 128];
        for &c in others.keys().filter(|c| c.is_ascii()) {
            others_ascii[c as usize] = true;
        }
        Self {
            buckets,
            first_words,
            others,
            others_ascii,
        }
    }

    /// Every acceptable alias occurrence in `text`, overlapping ones
    /// included, sorted by start. `starts` are the places a name can begin
    /// ([`super::tokens::Tokens::starts`]).
    pub fn hits(&self, organisations: &[Organisation], text: &str, starts: &[usize]) -> Vec<Hit> {
        let bytes = text.as_bytes();
        let mut hits = Vec::new();
        let accept = |hits: &mut Vec<Hit>, pattern: Pattern, at: usize| {
            let alias = &organisations[pattern.org as usize].aliases[pattern.alias as usize];
            let end = at + alias.text.len();
            let fits = bytes
                .get(at..end)
                .is_some_and(|found| found.eq_ignore_ascii_case(alias.text.as_bytes()));
            if fits
                && is_word_boundary(text, end)
                && alias.case.accepts(&alias.text, &text[at..end])
            {
                hits.push(Hit {
                    range: at..end,
                    org: pattern.org as usize,
                    needs_context: alias.needs_context,
                });
            }
        };
        for &at in starts {
            let byte = bytes[at];
            if byte.is_ascii() {
                let quick = quick_run(bytes, at);
                // Most words begin no alias: say so before hashing properly.
                if self.first_words.may_contain(quick) {
                    let (first, both, _) = keys(bytes, at);
                    for key in [both, first] {
                        if let Some(patterns) = self.buckets.get(&key) {
                            for &pattern in patterns {
                                accept(&mut hits, pattern, at);
                            }
                        }
                    }
                }
            } else if let Some(c) = text[at..].chars().next()
                && let Some(patterns) = self.others.get(&c)
            {
                for &pattern in patterns {
                    accept(&mut hits, pattern, at);
                }
            }
            // "+972": a name may begin with the sign just before a word.
            let sign_before = at
                .checked_sub(1)
                .filter(|&s| bytes[s].is_ascii() && self.others_ascii[usize::from(bytes[s])]);
            if let Some(sign) = sign_before
                && let Some(patterns) = self.others.get(&char::from(bytes[sign]))
            {
                for &pattern in patterns {
                    accept(&mut hits, pattern, sign);
                }
            }
        }
        hits.sort_by_key(|h| (h.range.start, h.range.end));
        hits.dedup();
        hits
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
    use crate::entities::Gazetteer;
    use aho_corasick::{AhoCorasick, AhoCorasickBuilder};
    use proptest::prelude::*;
    use std::sync::OnceLock;

    #[test]
    fn boundaries_are_between_word_and_non_word() {
        let text = "AP, cap";
        assert!(is_word_boundary(text, 0));
        assert!(is_word_boundary(text, 2));
        assert!(!is_word_boundary(text, 5));
        assert!(is_word_boundary(text, 7));
        assert!(is_word_boundary("é ", 2), "after a multi-byte letter");
    }

    fn gazetteer() -> &'static Vec<Organisation> {
        static ORGS: OnceLock<Vec<Organisation>> = OnceLock::new();
        ORGS.get_or_init(|| Gazetteer::builtin().unwrap().organisations)
    }

    /// What a full case-insensitive Aho-Corasick scan with the same checks
    /// finds: the behaviour the word-start matcher must reproduce.
    fn reference(organisations: &[Organisation], text: &str) -> Vec<Hit> {
        static FULL_SCAN: OnceLock<(Vec<(usize, usize)>, AhoCorasick)> = OnceLock::new();
        let (patterns, automaton) = FULL_SCAN.get_or_init(|| {
            let mut patterns = Vec::new();
            let mut texts = Vec::new();
            for (org, o) in organisations.iter().enumerate() {
                for (alias, a) in o.aliases.iter().enumerate() {
                    patterns.push((org, alias));
                    texts.push(a.text.as_str());
                }
            }
            let automaton = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .build(&texts)
                .unwrap();
            (patterns, automaton)
        });
        let mut hits: Vec<Hit> = automaton
            .find_overlapping_iter(text)
            .filter_map(|found| {
                let (org, alias) = patterns[found.pattern().as_usize()];
                let alias = &organisations[org].aliases[alias];
                let range = found.range();
                (is_word_boundary(text, range.start)
                    && is_word_boundary(text, range.end)
                    && alias.case.accepts(&alias.text, &text[range.clone()]))
                .then_some(Hit {
                    range,
                    org,
                    needs_context: alias.needs_context,
                })
            })
            .collect();
        hits.sort_by_key(|h| (h.range.start, h.range.end));
        hits.dedup();
        hits
    }

    fn matcher() -> &'static Matcher {
        static MATCHER: OnceLock<Matcher> = OnceLock::new();
        MATCHER.get_or_init(|| Matcher::new(gazetteer()))
    }

    fn hits(text: &str) -> Vec<Hit> {
        let tokens = super::super::tokens::Tokens::new(text);
        matcher().hits(gazetteer(), text, &tokens.starts)
    }

    #[test]
    fn the_quick_run_ignores_case_and_stops_at_the_run_end() {
        let text = b"Europol's EUROPOL-led";
        assert_eq!(quick_run(text, 0), quick_run(text, 10));
        assert_eq!(quick_run(b"Europol", 0), quick_run(text, 0));
        assert_ne!(quick_run(b"Europa", 0), quick_run(text, 0));
    }

    #[test]
    fn finds_what_a_full_scan_finds_on_tricky_text() {
        let text = "Europol’s (EUROPOL) U.S. Department of Justice, al-Bayan radio; \
                    the Élysée and 共同通信 said. +972 Magazine, AP-led, ap, cap, Le Monde.";
        let orgs = gazetteer();
        assert_eq!(hits(text), reference(orgs, text));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn finds_what_a_full_scan_finds(
            words in proptest::collection::vec(
                prop_oneof![
                    "[A-Za-z]{1,10}",
                    Just("Europol".to_owned()),
                    Just("The Guardian".to_owned()),
                    Just("U.S.".to_owned()),
                    Just("al-Bayan".to_owned()),
                    Just("Élysée".to_owned()),
                    Just("AP".to_owned()),
                    Just("é".to_owned()),
                    "[ -~]{1,3}",
                ],
                0..30,
            ),
            separators in proptest::collection::vec(prop_oneof![Just(" "), Just(""), Just("-"), Just("’s ")], 30),
        ) {
            let mut text = String::new();
            for (word, sep) in words.iter().zip(&separators) {
                text.push_str(word);
                text.push_str(sep);
            }
            let orgs = gazetteer();
            prop_assert_eq!(hits(&text), reference(orgs, &text));
        }
    }
}
