//! Support for ambiguous names: "Mirror", "the Met" or "Times" count only
//! where the article says what kind of body they are.

use super::Kind;
use super::lexicon::cue;
use super::tokens::Tokens;

/// How many words either side of a name are searched for a cue.
const WINDOW: usize = 8;

/// Whether the words around `range` hold a cue for `kind`, within the same
/// paragraph.
pub fn has_cue(tokens: &Tokens<'_>, range: &std::ops::Range<usize>, kind: Kind) -> bool {
    let words = &tokens.words;
    let first = words.partition_point(|w| w.range.end <= range.start);
    let last = words.partition_point(|w| w.range.start < range.end);
    let paragraph_break = |i: usize| tokens.gap_after(i).contains("\n\n");
    let mut before = first;
    while before > 0 && first - before < WINDOW && !paragraph_break(before - 1) {
        before -= 1;
    }
    let mut after = last;
    while after < words.len() && after - last < WINDOW && !(after > 0 && paragraph_break(after - 1))
    {
        after += 1;
    }
    (before..after)
        .filter(|i| !(first..last).contains(i))
        .any(|i| cue(kind, &tokens.word(i).to_lowercase()))
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

    #[test]
    fn cues_stop_at_the_paragraph() {
        assert!(!cue_for(
            "a Mirror.\n\nThe newspaper",
            "Mirror",
            Kind::Outlet
        ));
    }
}
