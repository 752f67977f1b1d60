//! Names introduced by a description: "the news agency Bernama", "Rappler,
//! a Philippine news site", "the Halumu and Nashir news sites", "Sahel
//! Voice radio".

use super::super::Kind;
use super::super::lexicon::{class, descriptor};
use super::super::tokens::Tokens;
use super::{RuleMatch, name_run_back, name_run_forward, span};

/// Longest name taken from an apposition.
const MAX_NAME: usize = 5;
/// How many words may describe before the noun ("a small Kurdish news site").
const MAX_DESCRIPTION: usize = 6;

pub(super) fn find(tokens: &Tokens<'_>, found: &mut Vec<RuleMatch>) {
    for i in 0..tokens.words.len() {
        if tokens.is(i, class::DESCRIPTOR) {
            descriptor_then_name(tokens, i, found);
            coordinated_names(tokens, i, found);
        }
        name_then_description(tokens, i, found);
    }
}

/// What a descriptor noun at word `i` says, if it is one.
fn noun_kind(tokens: &Tokens<'_>, i: usize) -> Option<Kind> {
    if !tokens.is(i, class::DESCRIPTOR) {
        return None;
    }
    let word = tokens.word(i);
    let previous = if i > 0 && tokens.joined(i - 1) {
        tokens.word(i - 1)
    } else {
        ""
    };
    if !word.chars().next().is_some_and(char::is_lowercase) {
        return None;
    }
    descriptor(previous, word)
}

/// "the news agency Bernama", "the regulator Ofcom", "a channel called
/// Frontova Khvylya", "a second site, Pacific Lantern, which".
fn descriptor_then_name(tokens: &Tokens<'_>, i: usize, found: &mut Vec<RuleMatch>) {
    let Some(kind) = noun_kind(tokens, i) else {
        return;
    };
    let words = tokens.words.len();
    let called = i + 2 < words
        && tokens.joined(i)
        && tokens.joined(i + 1)
        && matches!(tokens.word(i + 1), "called" | "named");
    if called {
        if let Some(end) = name_run_forward(tokens, i + 2, MAX_NAME)
            && let Some(range) = span(tokens, i + 2, end)
        {
            found.push(RuleMatch { range, kind });
        }
        return;
    }
    let set_off = tokens.gap_after(i) == ", ";
    if i + 1 >= words || !(tokens.joined(i) || set_off) {
        return;
    }
    // Plural nouns introduce lists, handled by `coordinated_names`.
    if tokens.word(i).ends_with('s') && !tokens.word(i).ends_with("ss") {
        return;
    }
    // "the daily The National": the name keeps its own "The".
    let first = if tokens.word(i + 1) == "The" && i + 2 < words && tokens.joined(i + 1) {
        i + 2
    } else {
        i + 1
    };
    let Some(end) = name_run_forward(tokens, first, MAX_NAME) else {
        return;
    };
    // Set off by commas, the name must close with one too.
    if tokens.is(first, class::NATIONALITY)
        || (set_off && !tokens.gap_after(end).starts_with(','))
        || is_personal_name(tokens, first, end)
    {
        return;
    }
    if let Some(range) = span(tokens, i + 1, end) {
        found.push(RuleMatch { range, kind });
    }
}

/// Whether words `first..=last` look like a person's name: two or three
/// words, the first a common given name ("the broadcaster Gary Lineker").
fn is_personal_name(tokens: &Tokens<'_>, first: usize, last: usize) -> bool {
    (1..=2).contains(&(last - first)) && tokens.is(first, class::GIVEN_NAME)
}

/// "Rappler, a Philippine news site", "Ofcom, the British media regulator".
fn name_then_description(tokens: &Tokens<'_>, i: usize, found: &mut Vec<RuleMatch>) {
    let words = tokens.words.len();
    if !tokens.words[i].comma_after
        || i + 2 >= words
        || !matches!(tokens.word(i + 1), "a" | "an" | "the")
    {
        return;
    }
    // The description is one noun phrase: it ends at a preposition or a
    // word for a person ("Maria Lopez, a reporter for the newspaper").
    // A clause saying what the body owns or runs goes on ("the Dubai-based
    // group that owns the channel").
    let owning_clause = |d: usize| {
        matches!(tokens.word(d), "that" | "which")
            && d + 1 < words
            && matches!(
                tokens.word(d + 1),
                "owns" | "runs" | "publishes" | "operates" | "broadcasts" | "airs"
            )
    };
    let mut in_clause = false;
    let description = (i + 2..words.min(i + 2 + MAX_DESCRIPTION + 2))
        .take_while(|&d| {
            in_clause |= owning_clause(d);
            tokens.joined(d - 1)
                && !tokens.is(d, class::PERSON_NOUN)
                && (in_clause || d < i + 2 + MAX_DESCRIPTION)
                && !(d > i + 2 && !in_clause && is_preposition(tokens.word(d)))
        })
        .find_map(|d| noun_kind(tokens, d));
    let Some(kind) = description else { return };
    let Some(start) = name_run_back(tokens, i, MAX_NAME) else {
        return;
    };
    if is_personal_name(tokens, start, i) {
        return;
    }
    // "In Lagos, a newspaper reported": a place after a preposition.
    if start > 0
        && matches!(
            tokens.word(start - 1),
            "in" | "at"
                | "near"
                | "across"
                | "into"
                | "outside"
                | "In"
                | "At"
                | "Near"
                | "Across"
                | "Outside"
        )
    {
        return;
    }
    if let Some(range) = span(tokens, start, i) {
        found.push(RuleMatch { range, kind });
    }
}

/// Whether a name follows word `i` directly, after a "The" of its own
/// ("the daily The National").
fn names_follow(tokens: &Tokens<'_>, i: usize) -> bool {
    let next = i + 1;
    if next >= tokens.words.len() || !tokens.joined(i) {
        return false;
    }
    if tokens.word(next) == "The" {
        return next + 1 < tokens.words.len()
            && tokens.joined(next)
            && super::name_word(tokens, next + 1);
    }
    super::name_word(tokens, next)
}

/// Words that end a noun phrase.
fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "for"
            | "of"
            | "at"
            | "with"
            | "in"
            | "on"
            | "from"
            | "to"
            | "by"
            | "who"
            | "which"
            | "that"
    )
}

/// "Halumu and Nashir news sites", "the Inquirer, Star and Bulletin
/// newspapers", "Sahel Voice radio".
fn coordinated_names(tokens: &Tokens<'_>, i: usize, found: &mut Vec<RuleMatch>) {
    let Some(kind) = noun_kind(tokens, i) else {
        return;
    };
    let word = tokens.word(i);
    let singular_ok = matches!(
        word,
        "radio" | "channel" | "site" | "website" | "newspaper" | "daily" | "tabloid" | "magazine"
    );
    let plural = word.ends_with('s') && !word.ends_with("ss");
    if kind != Kind::Outlet || !(plural || singular_ok) {
        return;
    }
    // "the Abu Dhabi daily The National": the name follows the noun, and
    // the words before it only describe.
    if !plural && names_follow(tokens, i) {
        return;
    }
    // "the Manila radio station", "a Johannesburg radio group": the noun
    // describes a longer one, and the name before it is a place.
    if !plural
        && i + 1 < tokens.words.len()
        && tokens.joined(i)
        && super::super::lexicon::compound_outlet_tail(tokens.word(i + 1))
    {
        return;
    }
    // Step back over the words of the noun phrase ("news sites").
    let mut end = i;
    while end > 0
        && tokens.joined(end - 1)
        && matches!(
            tokens.word(end - 1),
            "news" | "radio" | "television" | "TV" | "propaganda" | "online" | "satellite"
        )
    {
        end -= 1;
    }
    let Some(mut last) = end.checked_sub(1).filter(|&l| tokens.joined(l)) else {
        return;
    };
    let mut names = Vec::new();
    while let Some(start) = name_run_back(tokens, last, MAX_NAME) {
        if tokens.is(start, class::NATIONALITY) {
            break;
        }
        names.push((start, last));
        // Continue left over "and" or ", ".
        if !plural || start < 2 {
            break;
        }
        let joiner =
            tokens.word(start - 1) == "and" && tokens.joined(start - 1) && tokens.joined(start - 2);
        if joiner {
            last = start - 2;
        } else if tokens.gap_before(start) == ", " && names.len() > 1 {
            last = start - 1;
        } else {
            break;
        }
    }
    // A plural noun needs a list; a singular one names one outlet, unless
    // an article makes the name a description ("a Ghent news site").
    if plural && names.len() < 2 {
        return;
    }
    if !plural
        && names
            .first()
            .is_some_and(|&(start, _)| start > 0 && matches!(tokens.word(start - 1), "a" | "an"))
    {
        return;
    }
    for (start, last) in names.into_iter().rev() {
        if let Some(range) = span(tokens, start, last) {
            found.push(RuleMatch { range, kind });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;
    use super::*;

    #[test]
    fn descriptor_before_a_name() {
        assert_eq!(
            names("said the news agency Bernama"),
            [("Bernama", Kind::Outlet)]
        );
        assert_eq!(
            names("told the newspaper Le Courrier"),
            [("Le Courrier", Kind::Outlet)]
        );
        assert_eq!(names("the regulator Ofcom said"), [("Ofcom", Kind::Agency)]);
        assert!(names("the newspaper said on Monday").is_empty());
        assert!(names("told the newspaper Monday").is_empty());
    }

    #[test]
    fn called_and_set_off_names() {
        assert_eq!(
            names("a small channel called Frontova Khvylya, run by"),
            [("Frontova Khvylya", Kind::Outlet)]
        );
        assert_eq!(
            names("a second news site, Pacific Lantern, which copied"),
            [("Pacific Lantern", Kind::Outlet)]
        );
        assert!(names("the newspaper, Reuters reported").is_empty());
    }

    #[test]
    fn name_before_a_description() {
        assert_eq!(
            names("according to Rappler, a Philippine news site, the raid"),
            [("Rappler", Kind::Outlet)]
        );
        assert_eq!(
            names("Zorvat, the country’s media regulator, fined it"),
            [("Zorvat", Kind::Agency)]
        );
        assert!(names("In Lagos, a newspaper reported").is_empty());
        assert_eq!(
            names("Kestrel Holding, the Dubai-based group that owns the channel, said"),
            [("Kestrel Holding", Kind::Outlet)]
        );
        assert!(names("Kestrel Holding, the group that sued the channel, said").is_empty());
        assert!(names("Maria Lopez, a reporter, said").is_empty());
    }

    #[test]
    fn people_in_apposition_are_no_outlets() {
        assert!(names("said the broadcaster Gary Lineker on Sunday").is_empty());
        assert!(names("Maria Lopez, a reporter for the newspaper, said").is_empty());
        assert!(names("Gary Lineker, the veteran broadcaster, said").is_empty());
        assert_eq!(
            names("said the broadcaster Kestrel Vision on Sunday"),
            [("Kestrel Vision", Kind::Outlet)]
        );
        assert_eq!(
            names("Kestrel Vision, the public broadcaster, said"),
            [("Kestrel Vision", Kind::Outlet)]
        );
    }

    #[test]
    fn a_name_after_a_singular_noun_makes_the_words_before_a_description() {
        assert_eq!(
            names("according to the Abu Dhabi daily The National, which"),
            [("National", Kind::Outlet)]
        );
        assert_eq!(
            names("on Sahel Voice radio"),
            [("Sahel Voice", Kind::Outlet)],
            "without a name after it, the words before name the outlet"
        );
    }

    #[test]
    fn coordinated_names_before_a_plural_noun() {
        assert_eq!(
            names("as well as Halumu and Nashir news sites"),
            [("Halumu", Kind::Outlet), ("Nashir", Kind::Outlet)]
        );
        assert_eq!(
            names("the Inquirer, Star and Bulletin newspapers"),
            [
                ("Inquirer", Kind::Outlet),
                ("Star", Kind::Outlet),
                ("Bulletin", Kind::Outlet)
            ]
        );
        assert!(names("British and French newspapers").is_empty());
        assert!(names("Sunday newspapers").is_empty());
    }

    #[test]
    fn a_name_before_a_singular_outlet_noun() {
        assert_eq!(
            names("on Sahel Voice radio"),
            [("Sahel Voice", Kind::Outlet)]
        );
        assert!(names("on state radio").is_empty());
        assert!(
            names("Scheldepost, a Ghent news site")
                .iter()
                .all(|(n, _)| *n != "Ghent")
        );
        assert!(names("Staff at the channel said").is_empty());
    }

    #[test]
    fn a_place_before_a_compound_outlet_noun_is_no_name() {
        assert!(names("The Manila radio station relayed appeals").is_empty());
        assert!(names("a popular Johannesburg radio group").is_empty());
        assert_eq!(
            names("news on Sahel Voice radio relayed appeals"),
            [("Sahel Voice", Kind::Outlet)]
        );
    }

    #[test]
    fn only_called_or_named_lets_a_name_follow_a_verb() {
        assert_eq!(
            names("a channel named Frontova Khvylya"),
            [("Frontova Khvylya", Kind::Outlet)]
        );
        assert!(names("a channel thanked Olena Shevchuk for her work").is_empty());
    }

    #[test]
    fn a_plural_noun_before_a_name_introduces_no_outlet() {
        assert!(names("all the newspapers Kestrel Holdings owns were sold").is_empty());
    }

    #[test]
    fn a_nationality_after_the_noun_is_no_name() {
        assert!(names("told the newspaper French officials had lied").is_empty());
    }

    #[test]
    fn a_preposition_ends_the_description_after_a_name() {
        assert!(names("Kestrel Holding, a company with a newspaper, said").is_empty());
        assert_eq!(
            names("Kestrel Holding, a newspaper, said"),
            [("Kestrel Holding", Kind::Outlet)]
        );
    }

    #[test]
    fn a_description_after_a_name_opens_with_an_article() {
        assert!(names("Kestrel Holding, whose newspaper closed, said").is_empty());
    }

    #[test]
    fn one_name_before_a_plural_noun_is_an_owner_not_a_list() {
        assert!(names("the Murdoch newspapers backed him").is_empty());
    }

    #[test]
    fn a_person_before_a_description_is_no_outlet() {
        assert_eq!(
            names("Kestrel Vision, the broadcaster, said"),
            [("Kestrel Vision", Kind::Outlet)]
        );
        assert!(names("Gary Lineker, the broadcaster, said").is_empty());
    }
}
