//! Official bodies described rather than named: a nationality before a
//! body noun ("Dutch police", "the British anti-terrorist unit", "US
//! intelligence services"), and city police forces ("Kyiv police").

use super::super::Kind;
use super::super::lexicon::{body_modifier, body_noun, class, modified_body_noun};
use super::super::tokens::{Tokens, without_possessive};
use super::{RuleMatch, name_word};

/// How many lower-case modifiers may stand between nationality and noun.
const MAX_MODIFIERS: usize = 3;

/// Finds bodies described by a nationality or place and a body noun
/// ("Dutch police", "the Kenyan coast guard").
pub(super) fn find(tokens: &Tokens<'_>, found: &mut Vec<RuleMatch>) {
    for i in 0..tokens.words.len() {
        // "the Chilean Army": a body noun that is no head of a name of its
        // own ("Salvation Army", "Free Syrian Army") names a nation's body
        // only right after its nationality.
        if let Some(owner) = national_capital_noun(tokens, i) {
            found.push(RuleMatch {
                range: tokens.words[owner].range.start
                    ..tokens.words[i].range.start + without_possessive(tokens.word(i)).len(),
                kind: Kind::Agency,
            });
            continue;
        }
        if !tokens.is(i, class::BODY_NOUN | class::MODIFIED_BODY_NOUN) {
            // Possessive nouns ("police’s") are not in the lexicon as written.
            if !tokens.ends_possessive(i) {
                continue;
            }
        }
        // "the Dutch police’s High Tech Crime Unit": the possessive is not
        // part of the body's description.
        let word = tokens.word(i);
        let possessive = super::super::tokens::is_possessive(word);
        let word = if possessive {
            without_possessive(word)
        } else {
            word
        };
        let previous = if i > 0 && tokens.joined(i - 1) {
            tokens.word(i - 1)
        } else {
            ""
        };
        // The noun first: it rules out almost every word at once.
        let is_body =
            body_noun(word) || (modified_body_noun(previous, word) && body_modifier(previous));
        if !is_body {
            continue;
        }
        // Plural nouns carry on the description ("intelligence services").
        let end = if !possessive
            && i + 1 < tokens.words.len()
            && tokens.joined(i)
            && modified_body_noun(word, tokens.word(i + 1))
        {
            i + 1
        } else {
            i
        };
        let mut start = i;
        while start > 0
            && i - start < MAX_MODIFIERS
            && tokens.joined(start - 1)
            && tokens.is(start - 1, class::BODY_MODIFIER)
        {
            start -= 1;
        }
        let Some(owner_start) = owner(tokens, start, i, word) else {
            continue;
        };
        // "a Spanish prosecutor" is a person and "a Brussels criminal
        // court" or "a Malaysian enforcement agency" one of many, not a
        // named body; "a Greek coast guard official" works for the coast
        // guard.
        if owner_start > 0
            && matches!(tokens.word(owner_start - 1), "a" | "an" | "A" | "An")
            && matches!(
                word,
                "prosecutor"
                    | "regulator"
                    | "court"
                    | "agency"
                    | "authority"
                    | "unit"
                    | "office"
                    | "department"
                    | "directorate"
                    | "squad"
            )
        {
            continue;
        }
        let end_byte = if end == i {
            tokens.words[i].range.start + word.len()
        } else {
            tokens.words[end].range.end
        };
        let range = tokens.words[owner_start].range.start..end_byte;
        if found
            .last()
            .is_some_and(|last: &RuleMatch| last.range.start == range.start)
        {
            found.pop();
        }
        found.push(RuleMatch {
            range,
            kind: Kind::Agency,
        });
    }
}

/// Where the nationality begins when word `i` is "Army" or "Judiciary"
/// right after one that does not end a longer name ("Chilean Army", "South
/// African Army", not "Free Syrian Army").
fn national_capital_noun(tokens: &Tokens<'_>, i: usize) -> Option<usize> {
    // The nationality first: a bit of its class rules out almost every word.
    if i == 0
        || !tokens.is(i - 1, class::NATIONALITY)
        || !tokens.joined(i - 1)
        || !matches!(without_possessive(tokens.word(i)), "Army" | "Judiciary")
    {
        return None;
    }
    let start = nationality_start(tokens, i - 1);
    // "Free Syrian Army": a name word glued before a one-word nationality.
    let ends_a_longer_name = start == i - 1
        && start
            .checked_sub(1)
            .is_some_and(|b| tokens.joined(b) && name_word(tokens, b));
    (!ends_a_longer_name).then_some(start)
}

/// Where the nationality at word `nationality` begins: a word before it
/// when the two make one ("South African", "Sri Lankan").
fn nationality_start(tokens: &Tokens<'_>, nationality: usize) -> usize {
    match nationality.checked_sub(1) {
        Some(o)
            if tokens.joined(o)
                && matches!(tokens.word(o), "South" | "North" | "Sri" | "Sierra" | "New") =>
        {
            o
        }
        _ => nationality,
    }
}

/// Where the owner of a body noun at word `noun` (its modifiers starting at
/// word `start`) begins: a nationality ("Dutch", "South African"), or for
/// the bodies a city or region has, a place's name ("Kyiv police", "the
/// Vicenza prosecutor's office", "Palermo prosecutors").
fn owner(tokens: &Tokens<'_>, start: usize, noun: usize, word: &str) -> Option<usize> {
    let owner = start.checked_sub(1).filter(|&o| tokens.joined(o))?;
    if tokens.is(owner, class::NATIONALITY) {
        // "South African police", "Sri Lankan navy".
        return Some(nationality_start(tokens, owner));
    }
    // A place's body: police, prosecutors and coast guards stand alone
    // after it; offices, courts and services need a modifier ("Vicenza
    // prosecutor's office", "Dhaka fire service").
    let alone = matches!(word, "police" | "prosecutors" | "coastguard");
    let modified = matches!(
        word,
        "office"
            | "prosecutor"
            | "court"
            | "guard"
            | "service"
            | "brigade"
            | "department"
            | "administration"
    ) && start < noun;
    ((alone || modified)
        && name_word(tokens, owner)
        && !tokens.is(owner, class::BROAD | class::CALENDAR)
        && !super::super::tokens::is_possessive(tokens.word(owner)))
    .then_some(owner)
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;
    use super::*;

    #[test]
    fn nationality_before_a_body_noun() {
        assert_eq!(
            names("with Dutch police and"),
            [("Dutch police", Kind::Agency)]
        );
        assert_eq!(
            names("the British anti-terrorist unit was involved"),
            [("British anti-terrorist unit", Kind::Agency)]
        );
        assert_eq!(
            names("the Belgian federal prosecutor led it"),
            [("Belgian federal prosecutor", Kind::Agency)]
        );
        assert_eq!(
            names("US intelligence services said"),
            [("US intelligence services", Kind::Agency)]
        );
    }

    #[test]
    fn a_nation_s_army_is_named_by_its_nationality_alone() {
        assert_eq!(
            names("The Chilean Army sent 600 soldiers"),
            [("Chilean Army", Kind::Agency)]
        );
        assert!(names("fighters of the Free Syrian Army said").is_empty());
        assert!(names("the Salvation Army said").is_empty());
        assert_eq!(
            names("the South African Army said"),
            [("South African Army", Kind::Agency)]
        );
    }

    #[test]
    fn a_place_s_district_administration_is_a_body() {
        assert_eq!(
            names("according to the Saran district administration"),
            [("Saran district administration", Kind::Agency)]
        );
        assert!(names("officials of the Trump administration said").is_empty());
    }

    #[test]
    fn marine_police_are_a_nation_s_body() {
        assert_eq!(
            names("Ugandan marine police said"),
            [("Ugandan marine police", Kind::Agency)]
        );
        assert!(names("Ugandan marine biologists said").is_empty());
    }

    #[test]
    fn only_the_adjacent_pair_of_a_list_counts() {
        assert_eq!(
            names("Belgian, French, Dutch and American police collaborated"),
            [("American police", Kind::Agency)]
        );
    }

    #[test]
    fn two_word_nationalities_are_kept_whole() {
        assert_eq!(
            names("South African police"),
            [("South African police", Kind::Agency)]
        );
    }

    #[test]
    fn generic_bodies_are_not_names() {
        assert!(names("the police said and the federal prosecutor").is_empty());
        assert!(names("French officials and German companies").is_empty());
        assert!(names("the security guard").is_empty());
    }

    #[test]
    fn a_possessive_body_is_still_a_body() {
        assert_eq!(
            names("the Dutch police’s cyber unit"),
            [("Dutch police", Kind::Agency)]
        );
    }

    #[test]
    fn an_indefinite_article_makes_a_person_or_one_of_many() {
        assert!(names("a Spanish prosecutor said").is_empty());
        assert!(names("A Brussels criminal court convicted them").is_empty());
        assert!(names("a Malaysian maritime enforcement agency").is_empty());
        assert_eq!(
            names("the Malaysian maritime enforcement agency"),
            [("Malaysian maritime enforcement agency", Kind::Agency)]
        );
        assert_eq!(
            names("a Greek coast guard official said"),
            [("Greek coast guard", Kind::Agency)]
        );
    }

    #[test]
    fn city_bodies() {
        assert_eq!(
            names("the Vicenza prosecutor's office and the Paris criminal court"),
            [
                ("Vicenza prosecutor's office", Kind::Agency),
                ("Paris criminal court", Kind::Agency)
            ]
        );
    }

    #[test]
    fn city_prosecutors_coast_guards_and_fire_services() {
        assert_eq!(
            names("said Palermo prosecutors and the Crete coast guard"),
            [
                ("Palermo prosecutors", Kind::Agency),
                ("Crete coast guard", Kind::Agency)
            ]
        );
        assert_eq!(
            names("the Dhaka fire service said"),
            [("Dhaka fire service", Kind::Agency)]
        );
        assert!(names("the local fire service said").is_empty());
        assert!(names("Palermo service stations").is_empty());
    }

    #[test]
    fn city_police_forces() {
        assert_eq!(
            names("according to Kyiv police"),
            [("Kyiv police", Kind::Agency)]
        );
        assert!(names("On Monday police said").is_empty());
        assert!(names("the European police agency").is_empty());
        assert!(names("Police arrived. Then police left").is_empty());
    }

    #[test]
    fn what_a_body_does_may_describe_it() {
        assert_eq!(
            names("A Kuwaiti environment ministry official said"),
            [("Kuwaiti environment ministry", Kind::Agency)]
        );
        assert_eq!(
            names("the Guangdong provincial emergency management department said"),
            [(
                "Guangdong provincial emergency management department",
                Kind::Agency
            )]
        );
        assert_eq!(
            names("the Russian presidential administration"),
            [("Russian presidential administration", Kind::Agency)]
        );
        // The same nouns without a modifier the lexicon knows, or without
        // an owner, describe nothing.
        assert!(names("the Kuwaiti finest ministry said").is_empty());
        assert!(names("the provincial emergency management department").is_empty());
        assert!(names("the Russian administration").is_empty());
        assert!(names("Turkish authorities said").is_empty());
    }

    #[test]
    fn a_noun_that_needs_a_modifier_needs_one_of_its_own() {
        assert_eq!(
            names("the Kenyan coast guard said"),
            [("Kenyan coast guard", Kind::Agency)]
        );
        assert!(names("the Kenyan security guard said").is_empty());
        assert!(names("the firm's Dutch office closed").is_empty());
    }

    #[test]
    fn a_compass_word_set_off_by_a_comma_is_no_part_of_the_nationality() {
        assert_eq!(
            names("Fighting spread in the North, African police said"),
            [("African police", Kind::Agency)]
        );
    }

    #[test]
    fn a_possessive_is_no_place_that_owns_a_body() {
        assert_eq!(
            names("said Palermo prosecutors"),
            [("Palermo prosecutors", Kind::Agency)]
        );
        assert!(names("Smith's prosecutors argued").is_empty());
    }

    #[test]
    fn a_place_before_a_prosecutor_alone_names_a_person() {
        assert_eq!(
            names("the Vicenza prosecutor's office said"),
            [("Vicenza prosecutor's office", Kind::Agency)]
        );
        assert!(names("the Vicenza prosecutor said").is_empty());
    }

    #[test]
    fn the_next_noun_carries_a_body_on_only_where_the_pair_names_one() {
        assert_eq!(
            names("US intelligence officials said"),
            [("US intelligence", Kind::Agency)]
        );
    }
}
