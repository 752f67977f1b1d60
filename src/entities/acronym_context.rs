//! What the words around a known acronym say it is. The gazetteer gives
//! "ANP" to the Dutch news agency and "CMA" to the British competition
//! authority; an article that writes "ANP, Brazil's petroleum regulator",
//! "PTI, the opposition party" or "the shipping group CMA CGM" means
//! something else, and the text wins:
//!
//! - a description set beside the acronym ("ANP, Brazil's petroleum
//!   regulator", "the regulator ANP") gives it the kind the description's
//!   noun says; a noun for something that is neither ("party", "club")
//!   takes it out of the mentions;
//! - an acronym written next to another word in capitals is part of a
//!   longer name ("CMA CGM"), unless that word is a common one ("CNN
//!   CEO") or a name of its own.

use std::collections::HashMap;
use std::ops::Range;

use foldhash::fast::RandomState;

use super::lexicon::{class, common_capitals, descriptor, nationality, non_organisation_noun};
use super::tokens::{Tokens, is_possessive};
use super::{Kind, Mention, acronyms};

/// How many words a description may run before its noun.
const MAX_DESCRIPTION: usize = 6;

/// What a description says a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// An agency or an outlet.
    Organisation(Kind),
    /// Something that is neither.
    Neither,
}

/// Applies what the text says of its acronyms to `mentions` (sorted and
/// non-overlapping, and kept so).
pub fn apply(tokens: &Tokens<'_>, mentions: &mut Vec<Mention>) {
    let text = tokens.text;
    let (described, glued) = descriptions(tokens, mentions);
    // What the descriptions of each acronym say, in text order. Keyed by
    // the acronym as written, with a per-process seed: a long untrusted
    // article may describe thousands.
    let mut readings: HashMap<&str, Readings, RandomState> = HashMap::default();
    for (surface, reading) in described {
        readings
            .entry(surface)
            .and_modify(|r| r.add(reading))
            .or_insert_with(|| Readings::new(reading));
    }
    // `glued` is in text order.
    mentions.retain(|m| {
        glued
            .binary_search_by_key(&m.range.start, |g| g.start)
            .is_err()
    });
    if readings.is_empty() {
        return;
    }
    mentions.retain_mut(|mention| {
        let Some(readings) = readings.get(&text[mention.range.clone()]) else {
            return true;
        };
        let Some(kind) = readings.last else {
            return false;
        };
        // Each reading gives its kind to the mentions of another kind, and
        // the acronym as their name.
        if mention.kind != readings.first || !readings.one_kind {
            text[mention.range.clone()].clone_into(&mut mention.name);
        }
        mention.kind = kind;
        true
    });
}

/// The acronyms among `mentions` that a description beside them reads, with
/// that reading, and the acronyms glued into a longer capitalised name (to
/// be dropped), both in text order.
fn descriptions<'t>(
    tokens: &Tokens<'t>,
    mentions: &[Mention],
) -> (Vec<(&'t str, Reading)>, Vec<Range<usize>>) {
    let mut described_acronyms = Vec::new();
    let mut glued = Vec::new();
    for mention in mentions {
        let surface = &tokens.text[mention.range.clone()];
        if !acronyms::is_acronym(surface) {
            continue;
        }
        let Some(word) = word_at(tokens, mention.range.start) else {
            continue;
        };
        if in_longer_name(tokens, word, mentions) {
            glued.push(mention.range.clone());
        } else if let Some(reading) = described(tokens, word) {
            described_acronyms.push((surface, reading));
        }
    }
    (described_acronyms, glued)
}

/// What the descriptions of one acronym say, taken in text order: each
/// gives its kind to the mentions of the acronym that have another, and a
/// "neither" takes them all away for good.
struct Readings {
    /// The kind the first description gives.
    first: Kind,
    /// The kind the last gives; `None` once one has said "neither".
    last: Option<Kind>,
    /// Whether every description so far gives the same kind, so that a
    /// mention of that kind from the start is never changed.
    one_kind: bool,
}

impl Readings {
    fn new(reading: Reading) -> Self {
        match reading {
            Reading::Organisation(kind) => Self {
                first: kind,
                last: Some(kind),
                one_kind: true,
            },
            Reading::Neither => Self {
                first: Kind::Agency,
                last: None,
                one_kind: true,
            },
        }
    }

    fn add(&mut self, reading: Reading) {
        match (reading, self.last) {
            (Reading::Organisation(kind), Some(last)) => {
                self.one_kind &= kind == last;
                self.last = Some(kind);
            }
            // Nothing is left to change.
            (_, None) => {}
            (Reading::Neither, Some(_)) => self.last = None,
        }
    }
}

/// The index of the word that starts at byte `at`.
fn word_at(tokens: &Tokens<'_>, at: usize) -> Option<usize> {
    let i = tokens.words.partition_point(|w| w.range.start < at);
    (i < tokens.words.len() && tokens.words[i].range.start == at).then_some(i)
}

/// Whether word `i` stands beside another word in capitals that makes one
/// name with it ("CMA CGM").
fn in_longer_name(tokens: &Tokens<'_>, i: usize, mentions: &[Mention]) -> bool {
    let capitals = |j: usize| {
        let word = tokens.word(j);
        word.chars().filter(char::is_ascii_uppercase).count() >= 2
            && word
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && !common_capitals(word)
            && !nationality(word)
            && !overlaps_a_mention(mentions, &tokens.words[j].range)
    };
    let word = tokens.word(i);
    (i > 0 && tokens.joined(i - 1) && capitals(i - 1))
        || (!is_possessive(word)
            && i + 1 < tokens.words.len()
            && tokens.joined(i)
            && capitals(i + 1))
}

/// Whether `range` overlaps one of `mentions` (sorted, non-overlapping):
/// only the first that ends after it starts can.
fn overlaps_a_mention(mentions: &[Mention], range: &Range<usize>) -> bool {
    let at = mentions.partition_point(|m| m.range.end <= range.start);
    mentions.get(at).is_some_and(|m| m.range.start < range.end)
}

/// What a description beside word `i` says it is: after it, set off by a
/// comma ("ANP, Brazil's petroleum regulator,"), or a noun right before
/// it ("the regulator ANP", "the party PTI").
fn described(tokens: &Tokens<'_>, i: usize) -> Option<Reading> {
    if i > 0 && tokens.joined(i - 1) {
        let previous = if i > 1 && tokens.joined(i - 2) {
            tokens.word(i - 2)
        } else {
            ""
        };
        if let Some(reading) = noun_reading(previous, tokens.word(i - 1)) {
            return Some(reading);
        }
    }
    if !tokens.words[i].comma_after || i + 2 >= tokens.words.len() {
        return None;
    }
    // "a", "an", "the" or an owner ("Brazil's") opens the description.
    let opener = tokens.word(i + 1);
    if !matches!(opener, "a" | "an" | "the") && !is_possessive(opener) {
        return None;
    }
    let mut previous = "";
    for d in i + 2..tokens.words.len().min(i + 2 + MAX_DESCRIPTION) {
        if !tokens.joined(d - 1) || tokens.is(d, class::PERSON_NOUN) {
            return None;
        }
        let word = tokens.word(d);
        if let Some(reading) = noun_reading(previous, word) {
            return Some(reading);
        }
        previous = word;
    }
    None
}

/// What a noun says, given the word before it.
fn noun_reading(previous: &str, word: &str) -> Option<Reading> {
    if let Some(kind) = descriptor(previous, word) {
        Some(Reading::Organisation(kind))
    } else if non_organisation_noun(word) {
        Some(Reading::Neither)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The mentions of the acronyms `known` in `text`, read as the
    /// gazetteer would, after the text has had its say.
    fn read_known(text: &str, known: &[&str], kind: Kind) -> Vec<(String, Kind, String)> {
        let tokens = Tokens::new(text);
        let mut mentions: Vec<Mention> = tokens
            .words
            .iter()
            .filter(|w| known.contains(&&text[w.range.clone()]))
            .map(|w| Mention {
                range: w.range.clone(),
                kind,
                name: format!("Known {}", &text[w.range.clone()]),
            })
            .collect();
        apply(&tokens, &mut mentions);
        mentions
            .into_iter()
            .map(|m| (text[m.range].to_owned(), m.kind, m.name))
            .collect()
    }

    fn read(text: &str, kind: Kind) -> Vec<(String, Kind, String)> {
        read_known(text, &["ANP", "PTI", "CMA", "CNN"], kind)
    }

    /// [`apply`] with each reading applied to every mention in turn.
    fn apply_naively(tokens: &Tokens<'_>, mentions: &mut Vec<Mention>) {
        let text = tokens.text;
        let (readings, glued) = descriptions(tokens, mentions);
        mentions.retain(|m| !glued.contains(&m.range));
        for (surface, reading) in readings {
            match reading {
                Reading::Neither => mentions.retain(|m| text[m.range.clone()] != *surface),
                Reading::Organisation(kind) => {
                    for mention in mentions
                        .iter_mut()
                        .filter(|m| text[m.range.clone()] == *surface && m.kind != kind)
                    {
                        mention.kind = kind;
                        surface.clone_into(&mut mention.name);
                    }
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn readings_apply_as_when_each_is_applied_in_turn(
            pieces in proptest::collection::vec(
                (
                    proptest::sample::select(&[
                        "ANP, the news agency, said",
                        "ANP, Brazil's petroleum regulator, fined",
                        "ANP, the opposition party, marched",
                        "the regulator ANP",
                        "the broadcaster ANP",
                        "PTI, the news agency, reported",
                        "PTI, the opposition party, marched",
                        "the shipping group CMA CGM",
                        "CMA said",
                        "ANP said",
                        "PTI said",
                        "CNN CEO",
                    ][..]),
                    any::<bool>(),
                ),
                0..16,
            ),
        ) {
            let mut text = String::new();
            let mut outlets = Vec::new();
            for (piece, outlet) in pieces {
                text.push_str(piece);
                text.push_str(". ");
                outlets.push(outlet);
            }
            let tokens = Tokens::new(&text);
            let mut outlets = outlets.into_iter().cycle();
            let mentions: Vec<Mention> = tokens
                .words
                .iter()
                .filter(|w| ["ANP", "PTI", "CMA", "CNN"].contains(&&text[w.range.clone()]))
                .map(|w| Mention {
                    range: w.range.clone(),
                    kind: if outlets.next().unwrap_or(false) { Kind::Outlet } else { Kind::Agency },
                    name: format!("Known {}", &text[w.range.clone()]),
                })
                .collect();
            let mut fast = mentions.clone();
            apply(&tokens, &mut fast);
            let mut naive = mentions;
            apply_naively(&tokens, &mut naive);
            prop_assert_eq!(fast, naive, "{}", text);
        }
    }

    #[test]
    fn a_description_beside_an_acronym_gives_its_kind() {
        assert_eq!(
            read(
                "ANP, Brazil's petroleum regulator, fined them. ANP said",
                Kind::Outlet
            ),
            [
                ("ANP".to_owned(), Kind::Agency, "ANP".to_owned()),
                ("ANP".to_owned(), Kind::Agency, "ANP".to_owned())
            ]
        );
        assert_eq!(
            read("the regulator ANP fined them", Kind::Outlet)[0].1,
            Kind::Agency
        );
        assert_eq!(
            read("ANP, the Dutch news agency, reported", Kind::Outlet),
            [("ANP".to_owned(), Kind::Outlet, "Known ANP".to_owned())]
        );
    }

    #[test]
    fn a_description_as_something_else_removes_the_acronym() {
        assert!(read("PTI, the opposition party, marched. PTI said", Kind::Outlet).is_empty());
        assert_eq!(
            read("PTI, the news agency, reported", Kind::Outlet).len(),
            1
        );
        assert_eq!(
            read("PTI, a reporter said, was wrong", Kind::Outlet).len(),
            1,
            "no description after the comma"
        );
    }

    #[test]
    fn an_acronym_inside_a_longer_name_is_no_mention() {
        assert!(read("the shipping group CMA CGM bought it", Kind::Agency).is_empty());
        assert_eq!(
            read("CNN CEO Mark Thompson and the UK CMA", Kind::Agency).len(),
            2
        );
    }

    #[test]
    fn an_acronym_beside_another_name_in_capitals_is_two_names() {
        assert_eq!(
            read("an ANP CNN report", Kind::Outlet),
            [
                ("ANP".to_owned(), Kind::Outlet, "Known ANP".to_owned()),
                ("CNN".to_owned(), Kind::Outlet, "Known CNN".to_owned())
            ]
        );
    }

    #[test]
    fn a_description_after_an_acronym_opens_with_an_article_or_an_owner() {
        assert_eq!(
            read("ANP, which the regulator fined, said", Kind::Outlet),
            [("ANP".to_owned(), Kind::Outlet, "Known ANP".to_owned())]
        );
    }
}
