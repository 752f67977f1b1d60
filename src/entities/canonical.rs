//! Canonical names: one name per organisation, whatever variant the text
//! uses ("Amaq", "Amaq agency", "AMAQ" → Amaq News Agency).

use std::collections::{HashMap, HashSet};

use super::hash::WordHash;
use super::{Kind, Organisation};

/// Looks names found by rules up among the gazetteer's aliases.
#[derive(Debug, Clone, Default)]
pub struct Canon {
    /// Folded alias → organisation index.
    by_alias: HashMap<String, usize, WordHash>,
    /// The most words a name found by the rules can have and still be
    /// known: a "the", the longest alias, the longest descriptive tail. A
    /// longer one is not folded and looked up at all, which matters where
    /// an article makes the rules read many long names.
    most_words: usize,
    /// The first word of every alias, folded: a name whose first word
    /// (after a "the") begins none is not folded whole either.
    first_words: HashSet<String, WordHash>,
}

impl Canon {
    /// An index of every alias of `organisations`.
    pub fn new(organisations: &[Organisation]) -> Self {
        let mut by_alias: HashMap<String, usize, WordHash> = HashMap::default();
        for (org, organisation) in organisations.iter().enumerate() {
            for alias in &organisation.aliases {
                // Ambiguous aliases ("Mirror") must not capture rule names.
                if !alias.needs_context {
                    by_alias.entry(fold(&alias.text)).or_insert(org);
                }
            }
        }
        let words = |name: &str| name.split_whitespace().count();
        let most_words = 1
            + by_alias.keys().map(|alias| words(alias)).max().unwrap_or(0)
            + super::lexicon::outlet_name_tails()
                .map(words)
                .max()
                .unwrap_or(0);
        let first_words = by_alias
            .keys()
            .filter_map(|alias| alias.split(' ').next())
            .map(str::to_owned)
            .collect();
        Self {
            by_alias,
            most_words,
            first_words,
        }
    }

    /// The organisation a name found by a rule stands for, if the gazetteer
    /// knows it under that name or under the name without a descriptive
    /// tail ("Nashir News" → Nashir News Agency through "Nashir").
    pub fn lookup(&self, name: &str, kind: Kind) -> Option<usize> {
        // Most names are short and fold cheaply. A long one is first asked
        // two questions that need no folding: folding keeps the words, so
        // a name with more than any alias could match has no entry; nor
        // has one whose first word begins no alias, with or without a tail,
        // as only "the" is dropped from the front.
        if name.len() > SHORT_NAME {
            let mut words = name.split_whitespace();
            let (first, second) = (words.next(), words.next());
            if words.nth(self.most_words.saturating_sub(2)).is_some() {
                return None;
            }
            let first = match (first, second) {
                (Some(the), Some(second)) if the.eq_ignore_ascii_case("the") => Some(second),
                (first, _) => first,
            };
            if first.is_some_and(|first| !self.begins_an_alias(first)) {
                return None;
            }
        }
        let folded = fold(name);
        let bare = folded.strip_prefix("the ").unwrap_or(&folded);
        if let Some(&org) = self.by_alias.get(bare) {
            return Some(org);
        }
        // Only a name ending in a descriptive word can lose one.
        let last = bare.rsplit(' ').next().unwrap_or_default();
        if kind == Kind::Outlet
            && bare.contains(' ')
            && super::lexicon::outlet_name_tails().any(|tail| tail.ends_with(last))
        {
            return super::lexicon::outlet_name_tails()
                .filter_map(|tail| bare.strip_suffix(tail)?.strip_suffix(' '))
                .find_map(|stem| self.by_alias.get(stem).copied());
        }
        None
    }
}

/// How many bytes a name may have and be folded and looked up without
/// first counting its words and asking whether its first word begins an
/// alias.
const SHORT_NAME: usize = 32;

impl Canon {
    /// Whether `word`, folded, is the first word of an alias. Short ASCII
    /// words are lower-cased on the stack.
    fn begins_an_alias(&self, word: &str) -> bool {
        let mut buffer = [0u8; 32];
        match buffer.get_mut(..word.len()) {
            Some(lower) if word.is_ascii() => {
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                std::str::from_utf8(lower).is_ok_and(|lower| self.first_words.contains(lower))
            }
            _ => self.first_words.contains(&fold(word)),
        }
    }
}

/// A name as written, tidied for display: single spaces, straight
/// apostrophes.
pub fn tidy(name: &str) -> String {
    if is_tidy(name) {
        return name.to_owned();
    }
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'")
}

/// The key under which variants of a name meet: tidied and lower case.
pub fn fold(name: &str) -> String {
    if is_tidy(name) {
        name.to_lowercase()
    } else {
        tidy(name).to_lowercase()
    }
}

/// Whether `name` has single spaces only and no typographic apostrophe.
fn is_tidy(name: &str) -> bool {
    let bytes = name.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    if name.is_ascii() {
        // One pass over the bytes: no tab or line break, no double space.
        return !bytes
            .windows(2)
            .any(|pair| pair == b"  " || pair[0].is_ascii_whitespace() && pair[0] != b' ')
            && !bytes.last().is_some_and(u8::is_ascii_whitespace);
    }
    !name.contains('’')
        && !name.contains("  ")
        && !name.contains(|c: char| c.is_whitespace() && c != ' ')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Gazetteer;

    fn canon() -> (Canon, Vec<Organisation>) {
        let gazetteer = Gazetteer::parse(
            "t",
            r#"{"organisations":[
                {"name":"Nashir News Agency","kind":"outlet","aliases":["Nashir"]},
                {"name":"Daily Mirror","kind":"outlet","aliases":[{"text":"Mirror","case":"exact","context":true}]},
                {"name":"Prosecutor's Office","kind":"agency"}
            ]}"#,
        )
        .unwrap();
        (
            Canon::new(&gazetteer.organisations),
            gazetteer.organisations,
        )
    }

    #[test]
    fn rule_names_find_their_gazetteer_entry() {
        let (canon, _) = canon();
        assert_eq!(canon.lookup("NASHIR", Kind::Outlet), Some(0));
        assert_eq!(canon.lookup("Nashir News", Kind::Outlet), Some(0));
        assert_eq!(canon.lookup("Prosecutor’s  Office", Kind::Agency), Some(2));
        assert_eq!(
            canon.lookup("Nashir Agency", Kind::Agency),
            None,
            "tails are for outlets"
        );
    }

    #[test]
    fn the_longest_name_that_can_be_known_is_still_looked_up() {
        let (canon, _) = canon();
        let tails = super::super::lexicon::outlet_name_tails()
            .map(|tail| tail.split(' ').count())
            .max()
            .unwrap();
        assert_eq!(tails, 2, "\"news agency\" is the longest tail");
        // "the", "Nashir News Agency", "news agency".
        assert_eq!(canon.most_words, 6);
        assert_eq!(
            canon.lookup("the Nashir News Agency news agency", Kind::Outlet),
            Some(0)
        );
    }

    #[test]
    fn a_name_is_looked_up_only_if_its_first_word_begins_an_alias() {
        let (canon, _) = canon();
        assert!(canon.begins_an_alias("NASHIR"));
        assert!(canon.begins_an_alias("Prosecutor’s"));
        assert!(!canon.begins_an_alias("Kestrel"));
        assert_eq!(canon.lookup("THE Nashir", Kind::Outlet), Some(0));
        assert_eq!(canon.lookup("Kestrel Nashir", Kind::Outlet), None);
        assert_eq!(
            canon.lookup("The Nashir News Agency news agency", Kind::Outlet),
            Some(0),
            "a long name that begins an alias is still found"
        );
    }

    #[test]
    fn ambiguous_aliases_do_not_capture_rule_names() {
        let (canon, _) = canon();
        assert_eq!(canon.lookup("Mirror", Kind::Outlet), None);
    }

    #[test]
    fn tidy_names_are_left_as_they_are() {
        assert!(is_tidy("Kestrel Valley Gazette"));
        assert!(is_tidy("K"));
        assert!(!is_tidy("Kestrel  Valley"));
        assert!(!is_tidy("Kestrel\tValley"));
        assert!(!is_tidy("Kestrel\n"));
        assert!(!is_tidy(" Kestrel"));
        assert!(!is_tidy("Prosecutor’s Office"));
        assert!(is_tidy("Télé Kestrel"));
    }

    #[test]
    fn fold_joins_variants() {
        assert_eq!(fold("Kestrel  Valley\nGazette"), "kestrel valley gazette");
        assert_eq!(tidy("Prosecutor’s Office"), "Prosecutor's Office");
    }
}
