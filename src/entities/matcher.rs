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
//!
//! The tables are laid out for the memory they touch: three small filters
//! turn most words away before anything else is read, and a word that
//! passes costs one slot of a flat table, one run of patterns stored side
//! by side, and the alias's bytes in one shared string.

use std::collections::HashMap;
use std::ops::Range;

use super::Organisation;
use super::gazetteer::CaseRule;
use super::hash::{KeyFilter, MULTIPLIER, WordHash, alphanumeric_run_end, finish, prefix_at};

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
    /// Index of the organisation.
    org: u32,
    /// Where the alias's text is in [`Matcher::texts`].
    start: u32,
    /// Its length in bytes.
    len: u32,
    /// How its case must match.
    case: CaseRule,
    /// Whether it needs support from the text.
    needs_context: bool,
}

/// Runs of patterns by key: open addressing over (key, first pattern,
/// number of patterns), a count of zero marking a free slot.
#[derive(Debug, Clone)]
struct Table {
    slots: Vec<(u64, u32, u32)>,
    mask: usize,
}

impl Table {
    /// A table of `groups`, whose patterns it appends to `patterns`.
    fn new(groups: HashMap<u64, Vec<Pattern>, WordHash>, patterns: &mut Vec<Pattern>) -> Self {
        let size = (groups.len() * 2).next_power_of_two().max(16);
        let mut table = Self {
            slots: vec![(0, 0, 0); size],
            mask: size - 1,
        };
        let mut groups: Vec<(u64, Vec<Pattern>)> = groups.into_iter().collect();
        // Keys in order, so that a build gives the same table every time.
        groups.sort_by_key(|(key, _)| *key);
        for (key, group) in groups {
            let mut slot = table.home(key);
            while table.slots[slot].2 != 0 {
                slot = (slot + 1) & table.mask;
            }
            table.slots[slot] = (
                key,
                u32::try_from(patterns.len()).unwrap_or(u32::MAX),
                u32::try_from(group.len()).unwrap_or(u32::MAX),
            );
            patterns.extend(group);
        }
        table
    }

    /// The slot where the search for `key` begins.
    fn home(&self, key: u64) -> usize {
        usize::try_from(key >> 40).unwrap_or(0) & self.mask
    }

    /// The range of patterns under `key`, if any.
    fn get(&self, key: u64) -> Option<Range<usize>> {
        let mut slot = self.home(key);
        loop {
            let (found, first, count) = self.slots[slot];
            if count == 0 {
                return None;
            }
            if found == key {
                return Some(first as usize..(first + count) as usize);
            }
            slot = (slot + 1) & self.mask;
        }
    }
}

/// Every alias of a gazetteer, ready to search.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// Aliases keyed by (first word, second word); one-word aliases by
    /// (first word, nothing).
    table: Table,
    /// The patterns of `table` and `others`, side by side.
    patterns: Vec<Pattern>,
    /// Every alias's text, one after the other.
    texts: String,
    /// Filters of every alias's keys, in three sets: the one-word aliases
    /// ([`SINGLE`]: most words are none, and this says so before a table
    /// is looked at), the first words of longer aliases ([`FIRST`]: most
    /// words begin none, and this says so before the next word is read),
    /// and their first two words ([`PAIR`]: most pairs that begin with a
    /// first word, "the court", begin no alias, and this says so before the
    /// large table is touched). One read answers the first two.
    all: KeyFilter<3>,
    /// The same for the few aliases that can match where a word begins in
    /// lower case: those whose case rule is [`CaseRule::Ignore`] or whose
    /// first letter is no capital ("fedpol", "al-Bayan", "the FA"). Most
    /// words of a text are in lower case, and would otherwise pass as
    /// "federal", "national" and "police" begin hundreds of capitalised
    /// names.
    lower: KeyFilter<3>,
    /// Aliases that begin with something other than an ASCII letter or
    /// digit, by their first character: ranges of `patterns`.
    others: HashMap<char, Range<usize>, WordHash>,
    /// Whether an ASCII character begins one of `others` ("+" of "+972").
    others_ascii: [bool; 128],
}

/// The set of a [`Matcher`]'s filters that holds one-word aliases.
const SINGLE: usize = 0;
/// The set that holds the first words of longer aliases.
const FIRST: usize = 1;
/// The set that holds the first two words of longer aliases.
const PAIR: usize = 2;

/// Folds the run of ASCII letters and digits at `at` into `seed`, case
/// folded (setting bit 5 lower-cases a letter and leaves a digit as it is),
/// eight bytes at a time; returns the hash and where the run ends.
fn fold_run(bytes: &[u8], at: usize, seed: u64) -> (u64, usize) {
    let end = alphanumeric_run_end(bytes, at);
    (fold(bytes, at..end, seed), end)
}

/// [`fold_run`] of the run at `run` of `bytes`, whose end is known. Each
/// eight bytes are one load where the text goes on for eight more (most
/// words are shorter: their bytes are a masked load, not a loop).
fn fold(bytes: &[u8], run: Range<usize>, seed: u64) -> u64 {
    let mut hash = seed;
    let mut at = run.start;
    while at < run.end {
        let len = (run.end - at).min(8);
        // Only the run's own bytes take the case bit.
        let case = CASE_BITS >> (8 * (8 - len));
        hash = (hash ^ (prefix_at(bytes, at..at + len) | case))
            .wrapping_mul(MULTIPLIER)
            .rotate_left(29);
        at += len;
    }
    hash ^ run.len() as u64
}

/// Bit 5 of every byte: lower case for letters, no change for digits.
const CASE_BITS: u64 = 0x2020_2020_2020_2020;

/// The key of a one-word alias, from its run's hash.
fn single_key(raw: u64) -> u64 {
    finish(raw)
}

/// The key of an alias's first two runs, from their hashes.
fn pair_key(first: u64, second: u64) -> u64 {
    finish((first.rotate_left(17) ^ second).wrapping_mul(MULTIPLIER))
}

/// Where the run after the one ending at `end` starts, past at most four
/// bytes of what separates words (spaces, dots, hyphens, apostrophes).
fn second_run(bytes: &[u8], end: usize) -> Option<usize> {
    (end..bytes.len().min(end + 4)).find(|&at| bytes[at].is_ascii_alphanumeric())
}

/// Whether the alias `alias` has a second word under [`second_run`].
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
        let mut buckets: HashMap<u64, Vec<Pattern>, WordHash> = HashMap::default();
        let mut all = KeyFilter::default();
        let mut lower = KeyFilter::with_blocks(8);
        let mut others: HashMap<char, Vec<Pattern>, WordHash> = HashMap::default();
        let mut texts = String::new();
        for (org, organisation) in organisations.iter().enumerate() {
            for entry in &organisation.aliases {
                let pattern = Pattern {
                    org: u32::try_from(org).unwrap_or(u32::MAX),
                    start: u32::try_from(texts.len()).unwrap_or(u32::MAX),
                    len: u32::try_from(entry.text.len()).unwrap_or(u32::MAX),
                    case: entry.case,
                    needs_context: entry.needs_context,
                };
                texts.push_str(&entry.text);
                let bytes = entry.text.as_bytes();
                if bytes.first().is_some_and(u8::is_ascii_alphanumeric) {
                    // Only these can match a word that begins in lower
                    // case (see `CaseRule::accepts`).
                    let lower_case =
                        entry.case == CaseRule::Ignore || !bytes[0].is_ascii_uppercase();
                    let mut insert = |set: usize, key: u64| {
                        all.insert(set, key);
                        if lower_case {
                            lower.insert(set, key);
                        }
                    };
                    let (first, first_end) = fold_run(bytes, 0, 0);
                    let key = match second_run(bytes, first_end) {
                        Some(second) if has_second_word(bytes) => {
                            let key = pair_key(first, fold_run(bytes, second, 0).0);
                            insert(FIRST, single_key(first));
                            insert(PAIR, key);
                            key
                        }
                        _ => {
                            insert(SINGLE, single_key(first));
                            single_key(first)
                        }
                    };
                    buckets.entry(key).or_default().push(pattern);
                } else if let Some(first) = entry.text.chars().next() {
                    // ASCII letters fold (as in the rest of the matcher);
                    // other characters must match as written.
                    let lower = first.to_ascii_lowercase();
                    let upper = first.to_ascii_uppercase();
                    others.entry(lower).or_default().push(pattern);
                    if upper != lower {
                        others.entry(upper).or_default().push(pattern);
                    }
                }
            }
        }
        let mut patterns = Vec::new();
        let table = Table::new(buckets, &mut patterns);
        let others: HashMap<char, Range<usize>, WordHash> = others
            .into_iter()
            .map(|(c, group)| {
                let start = patterns.len();
                patterns.extend(group);
                (c, start..patterns.len())
            })
            .collect();
        let mut others_ascii = [false; 128];
        for &c in others.keys().filter(|c| c.is_ascii()) {
            others_ascii[c as usize] = true;
        }
        Self {
            table,
            patterns,
            texts,
            all,
            lower,
            others,
            others_ascii,
        }
    }

    /// Every acceptable alias occurrence in `text`, overlapping ones
    /// included, sorted by start. `starts` are the places a name can begin
    /// and `run_ends` where the ASCII letters and digits from each end
    /// ([`super::tokens::Tokens::starts`], [`super::tokens::Tokens::run_ends`]).
    pub fn hits(&self, text: &str, starts: &[usize], run_ends: &[usize]) -> Vec<Hit> {
        let bytes = text.as_bytes();
        let mut hits = Vec::new();
        let accept = |hits: &mut Vec<Hit>, patterns: Range<usize>, at: usize| {
            for pattern in &self.patterns[patterns] {
                let alias_start = pattern.start as usize;
                let alias = &self.texts[alias_start..alias_start + pattern.len as usize];
                let end = at + alias.len();
                let fits = bytes
                    .get(at..end)
                    .is_some_and(|found| found.eq_ignore_ascii_case(alias.as_bytes()));
                if fits
                    && is_word_boundary(text, end)
                    && pattern.case.accepts(alias, &text[at..end])
                {
                    hits.push(Hit {
                        range: at..end,
                        org: pattern.org as usize,
                        needs_context: pattern.needs_context,
                    });
                }
            }
        };
        // The hash of the run a pair was last looked up with: it begins
        // the next word, so each run is read once.
        let mut next_run: Option<(usize, u64)> = None;
        for (k, &at) in starts.iter().enumerate() {
            let byte = bytes[at];
            if byte.is_ascii() {
                let first_end = run_ends[k];
                let first = match next_run.take() {
                    Some((run_at, hash)) if run_at == at => hash,
                    _ => fold(bytes, at..first_end, 0),
                };
                let single = single_key(first);
                // Most words begin no alias: the filters say so. A word in
                // lower case is asked of the aliases that can match it.
                let filters = if byte.is_ascii_lowercase() {
                    &self.lower
                } else {
                    &self.all
                };
                let [is_single, is_first, _] = filters.sets_of(single);
                if is_first && let Some(second) = second_run(bytes, first_end) {
                    // The second run is most often the next start.
                    let end = match starts.get(k + 1) {
                        Some(&next) if next == second => run_ends[k + 1],
                        _ => alphanumeric_run_end(bytes, second),
                    };
                    let hash = fold(bytes, second..end, 0);
                    next_run = Some((second, hash));
                    let pair = pair_key(first, hash);
                    if filters.may_contain(PAIR, pair)
                        && let Some(patterns) = self.table.get(pair)
                    {
                        accept(&mut hits, patterns, at);
                    }
                }
                if is_single && let Some(patterns) = self.table.get(single) {
                    accept(&mut hits, patterns, at);
                }
            } else if let Some(c) = text[at..].chars().next()
                && let Some(patterns) = self.others.get(&c)
            {
                accept(&mut hits, patterns.clone(), at);
            }
            // "+972": a name may begin with the sign just before a word.
            let sign_before = at
                .checked_sub(1)
                .filter(|&s| bytes[s].is_ascii() && self.others_ascii[usize::from(bytes[s])]);
            if let Some(sign) = sign_before
                && let Some(patterns) = self.others.get(&char::from(bytes[sign]))
            {
                accept(&mut hits, patterns.clone(), sign);
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
        matcher().hits(text, &tokens.starts, &tokens.run_ends)
    }

    #[test]
    fn run_hashes_ignore_case_and_stop_at_the_run_end() {
        let text = b"Europol's EUROPOL-led";
        assert_eq!(fold_run(text, 0, 0), (fold_run(text, 10, 0).0, 7));
        assert_ne!(fold_run(b"Europa", 0, 0).0, fold_run(text, 0, 0).0);
        assert_eq!(second_run(text, 7), Some(8), "past the apostrophe");
        assert_eq!(second_run(b"AP     x", 2), None, "at most four bytes apart");
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
                    // Names from the gazetteer, in any case: most words
                    // in lower case are turned away by their own filters.
                    (any::<proptest::sample::Index>(), any::<u64>()).prop_map(|(index, flips)| {
                        let names: Vec<&str> = gazetteer()
                            .iter()
                            .flat_map(|o| o.aliases.iter().map(|a| a.text.as_str()))
                            .collect();
                        index
                            .get(&names)
                            .chars()
                            .enumerate()
                            .map(|(at, c)| if flips >> (at % 64) & 1 == 1 {
                                c.to_ascii_lowercase()
                            } else {
                                c.to_ascii_uppercase()
                            })
                            .collect::<String>()
                    }),
                    Just("the FA".to_owned()),
                    Just("fedpol".to_owned()),
                    Just("i newspaper".to_owned()),
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
