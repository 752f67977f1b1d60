//! Support for ambiguous names: "Mirror", "the Met" or "Times" count only
//! where the article says what kind of body they are, and never as a word
//! of a longer proper name ("Red Star Belgrade").

use std::ops::Range;

use super::Kind;
use super::lexicon::{class, cue};
use super::tokens::{Tokens, is_possessive};

/// How many words either side of a name are searched for a cue.
const WINDOW: usize = 8;

/// Whether the words around `range` hold a cue for `kind`, within the same
/// paragraph. A name that opens a sentence looks only after itself: the
/// words before it belong to another sentence.
pub fn has_cue(tokens: &Tokens<'_>, range: &Range<usize>, kind: Kind) -> bool {
    let words = &tokens.words;
    let first = words.partition_point(|w| w.range.end <= range.start);
    let last = words.partition_point(|w| w.range.start < range.end);
    let opens_sentence = words.get(first).is_some_and(|w| w.sentence_start);
    let window_before = if opens_sentence { 0 } else { WINDOW };
    let paragraph_break = |i: usize| {
        let gap = tokens.gap_after(i).as_bytes();
        gap.len() >= 2 && gap.windows(2).any(|pair| pair == b"\n\n")
    };
    let mut before = first;
    while before > 0 && first - before < window_before && !paragraph_break(before - 1) {
        before -= 1;
    }
    let mut after = last;
    while after < words.len() && after - last < WINDOW && !(after > 0 && paragraph_break(after - 1))
    {
        after += 1;
    }
    (before..after)
        .filter(|i| !(first..last).contains(i))
        .any(|i| {
            let word = tokens.word(i);
            if !word.bytes().any(|b| b.is_ascii_uppercase()) && word.is_ascii() {
                return cue(kind, word);
            }
            // Cues are short: lower-case a short ASCII word on the stack.
            let mut lower = [0u8; 16];
            match lower.get_mut(..word.len()) {
                Some(buffer) if word.is_ascii() => {
                    buffer.copy_from_slice(word.as_bytes());
                    buffer.make_ascii_lowercase();
                    std::str::from_utf8(buffer).is_ok_and(|lower| cue(kind, lower))
                }
                _ => cue(kind, &word.to_lowercase()),
            }
        })
}

/// Whether the name at `range` is part of a longer proper name: a
/// capitalised word stands right before it ("Howard Stern") or right after
/// it ("Star Wars", "The National Union of Journalists"). Words that never
/// begin a name, days, nationalities and possessive owners ("Kenya's
/// Star") do not count.
pub fn glued(tokens: &Tokens<'_>, range: &Range<usize>) -> bool {
    let words = &tokens.words;
    let first = words.partition_point(|w| w.range.end <= range.start);
    let last = words.partition_point(|w| w.range.start < range.end);
    if first >= last {
        return false;
    }
    let proper = |i: usize| {
        tokens.is_capitalised(i)
            && !tokens.is(i, class::STOP | class::CALENDAR | class::NATIONALITY)
            && !tokens.is_ordinary_sentence_start(i)
    };
    let before = first > 0
        && tokens.joined(first - 1)
        && proper(first - 1)
        && !is_possessive(tokens.word(first - 1));
    // A possessive ending ("Sky's") closes the name.
    let closed = words[last - 1].range.end > range.end;
    let after = !closed && last < words.len() && tokens.joined(last - 1) && proper(last);
    before || after
}

/// What may stand between two names of a list, before a "the" the second
/// name may have.
const LIST_JOINERS: &[&str] = &[", ", " and ", ", and ", " or ", ", or ", " & "];

/// The most bytes between two names that [`listed_with`] reads as a list:
/// the longest joiner and a "the ". A caller may offer it only the names
/// that end or start this close to the name.
pub const MAX_LIST_GAP: usize = 10;

/// Whether the name at `range` stands in a list beside one of `others`
/// ("Facebook, Instagram and X", "CCTV and the Global Times"): only ", ",
/// " and ", ", and ", " or " or " & " between them, with a "the" if the
/// second name has it.
pub fn listed_with<'r>(
    text: &str,
    range: &Range<usize>,
    others: impl Iterator<Item = &'r Range<usize>>,
) -> bool {
    others.into_iter().any(|other| {
        let gap = if other.end <= range.start {
            text.get(other.end..range.start)
        } else if range.end <= other.start {
            text.get(range.end..other.start)
        } else {
            None
        };
        gap.is_some_and(|gap| {
            let gap = gap.strip_suffix("the ").unwrap_or(gap);
            LIST_JOINERS.contains(&gap)
        })
    })
}

/// Whether the name at `range` is the wire agency of a dateline: in
/// brackets between a place in capitals that opens the line and a dash
/// ("ALAPPUZHA, India (PTI) —", "BEIRUT (KUNA) -").
pub fn in_dateline(text: &str, range: &Range<usize>) -> bool {
    let (Some(before), Some(after)) = (text.get(..range.start), text.get(range.end..)) else {
        return false;
    };
    let Some(place) = before.strip_suffix(" (") else {
        return false;
    };
    let after = after.strip_prefix(')').map(str::trim_start);
    if !after.is_some_and(|a| a.starts_with(['—', '–', '-'])) {
        return false;
    }
    let line = &place[place.rfind('\n').map_or(0, |at| at + 1)..];
    // The line opens with a word in capitals, and the place is short.
    let first = line.split([' ', ',']).next().unwrap_or("");
    first.chars().count() >= 2
        && first.chars().all(|c| !c.is_lowercase())
        && first.chars().any(char::is_uppercase)
        && line.split_whitespace().count() <= 6
}

/// What may follow the owner of an outlet, before the outlet's name (and a
/// "the" it may have).
const OWNING: &[&str] = &[
    ", which owns ",
    ", which publishes ",
    ", which runs ",
    ", which operates ",
    ", owner of ",
    ", publisher of ",
    ", the owner of ",
    ", the publisher of ",
    " owns ",
    " publishes ",
];

/// The most bytes between an owner and its outlet that [`owns_an_outlet`]
/// reads: the longest phrase and a "the ". A caller may offer it only the
/// outlets that start this close after the name.
pub const MAX_OWNING_GAP: usize = 23;

/// Whether the text speaks of the name at `range` as the owner or
/// publisher of one of `outlets`: ", which owns the Daily Mail", " owns the
/// Daily Mail", ", publisher of Bild".
pub fn owns_an_outlet<'r>(
    text: &str,
    range: &Range<usize>,
    outlets: impl Iterator<Item = &'r Range<usize>>,
) -> bool {
    let after = &text[range.end..];
    let Some(phrase) = OWNING.iter().find(|p| after.starts_with(**p)) else {
        return false;
    };
    let mut start = range.end + phrase.len();
    if text[start..].starts_with("the ") {
        start += 4;
    }
    outlets.into_iter().any(|outlet| outlet.start == start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue_for(text: &str, name: &str, kind: Kind) -> bool {
        let start = text.find(name).unwrap();
        has_cue(&Tokens::new(text), &(start..start + name.len()), kind)
    }

    #[test]
    fn nearby_words_support_an_ambiguous_name() {
        assert!(cue_for(
            "the Mirror reported on Sunday that",
            "Mirror",
            Kind::Outlet
        ));
        assert!(cue_for(
            "officers from the Met arrested two men",
            "Met",
            Kind::Agency
        ));
    }

    #[test]
    fn without_a_cue_the_name_is_doubtful() {
        assert!(!cue_for(
            "they stood before the Mirror and smiled",
            "Mirror",
            Kind::Outlet
        ));
        assert!(!cue_for("the Met gala drew stars", "Met", Kind::Agency));
    }

    fn glued_at(text: &str, name: &str) -> bool {
        let start = text.find(name).unwrap();
        glued(&Tokens::new(text), &(start..start + name.len()))
    }

    #[test]
    fn a_word_of_a_longer_proper_name_is_glued() {
        assert!(glued_at("fans of Red Star Belgrade cheered", "Star"));
        assert!(glued_at(
            "The National Union of Journalists said",
            "National"
        ));
        assert!(glued_at("the comedian Howard Stern joked", "Stern"));
        assert!(!glued_at("the Star reported", "Star"));
        assert!(!glued_at("Kenya's Star reported", "Star"));
        assert!(!glued_at("On Monday Sky's chief said", "Sky"));
        assert!(!glued_at("The Mirror said", "Mirror"));
    }

    #[test]
    fn a_name_in_a_list_of_its_kind_is_supported() {
        let text = "on YouTube, Instagram and X over the week";
        let x = text.find(" X").unwrap() + 1;
        let instagram = text.find("Instagram").unwrap();
        let others = instagram..instagram + 9;
        assert!(listed_with(text, &(x..x + 1), std::iter::once(&others)));
        let alone = "Instagram. Then X";
        assert!(!listed_with(alone, &(16..17), std::iter::once(&(0..9))));
    }

    #[test]
    fn a_name_opening_a_sentence_looks_only_after_itself() {
        let text = "The newspaper was sold. Information about the suspects was scarce.";
        assert!(!cue_for(text, "Information", Kind::Outlet));
        assert!(cue_for(
            "a scoop. Deadline reported that the deal",
            "Deadline",
            Kind::Outlet
        ));
        assert!(cue_for(
            "the newspaper said Deadline had it",
            "Deadline",
            Kind::Outlet
        ));
    }

    #[test]
    fn the_owner_of_an_outlet_is_spoken_of_as_a_publisher() {
        let text = "Comcast, which owns NBCUniversal, said";
        let outlet = text.find("NBCUniversal").unwrap();
        let outlets = outlet..outlet + 12;
        assert!(owns_an_outlet(text, &(0..7), std::iter::once(&outlets)));
        let text = "Comcast, which owns cable lines, said";
        assert!(!owns_an_outlet(text, &(0..7), std::iter::once(&(26..31))));
    }

    #[test]
    fn the_gaps_callers_may_look_within_hold_every_joiner_and_phrase() {
        let longest = |words: &[&str]| words.iter().map(|w| w.len()).max().unwrap_or(0);
        assert_eq!(longest(LIST_JOINERS) + "the ".len(), MAX_LIST_GAP);
        assert_eq!(longest(OWNING) + "the ".len(), MAX_OWNING_GAP);
    }

    #[test]
    fn an_acronym_between_a_dateline_and_its_dash_is_a_wire_agency() {
        let at = |text: &str, name: &str| {
            let start = text.find(name).unwrap();
            in_dateline(text, &(start..start + name.len()))
        };
        assert!(at("ALAPPUZHA, India (PTI) — At least 22 drowned", "PTI"));
        assert!(at("Intro.\nBEIRUT (KUNA) - The ministry said", "KUNA"));
        assert!(!at("members of the party (PTI) — said", "PTI"));
        assert!(!at("LAHORE (PTI) supporters marched", "PTI"));
    }

    #[test]
    fn cues_stop_at_the_paragraph() {
        assert!(!cue_for(
            "a Mirror.\n\nThe newspaper",
            "Mirror",
            Kind::Outlet
        ));
    }

    #[test]
    fn a_nationality_before_a_name_does_not_glue_it() {
        assert!(glued_at("the Kestrel Mirror said", "Mirror"));
        assert!(!glued_at("the British Mirror said", "Mirror"));
    }
}
