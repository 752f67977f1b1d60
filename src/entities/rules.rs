//! Names read off the text itself: capitalised words ending in an
//! organisation head ("Roswell Gazette", "Dutch National Police").
//!
//! First level: one rule, with a stop list so that capitalised sentence
//! starts ("In Times Square") do not become organisations.

use std::ops::Range;

use super::Kind;

/// A name found by a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleMatch {
    /// Byte range of the name.
    pub range: Range<usize>,
    /// What the head word says the organisation is.
    pub kind: Kind,
}

/// Head words that end an outlet's name.
const OUTLET_HEADS: &[&str] = &[
    "Gazette",
    "Times",
    "Herald",
    "Tribune",
    "Chronicle",
    "Journal",
    "Observer",
    "Courier",
    "Radio",
    "TV",
    "Television",
    "News",
];

/// Head words that end an agency's name.
const AGENCY_HEADS: &[&str] = &[
    "Police",
    "Gendarmerie",
    "Constabulary",
    "Agency",
    "Bureau",
    "Directorate",
    "Inspectorate",
    "Court",
];

/// Capitalised words that start sentences and never begin a name.
const STOP_WORDS: &[&str] = &[
    "A", "After", "An", "And", "As", "At", "Before", "But", "By", "During", "For", "From", "He",
    "Her", "His", "If", "In", "It", "Its", "Of", "On", "She", "That", "The", "Their", "They",
    "This", "To", "When", "While", "With",
];

/// Modifiers too general to make a name on their own ("National Court").
const GENERIC: &[&str] = &[
    "Central",
    "Chief",
    "Federal",
    "General",
    "High",
    "Higher",
    "International",
    "Local",
    "Main",
    "National",
    "Public",
    "Regional",
    "Special",
    "State",
];

/// How many words may stand before the head.
const MAX_MODIFIERS: usize = 4;

/// Every name the rules find in `text`.
pub fn find(text: &str) -> Vec<RuleMatch> {
    let words = words(text);
    let mut found = Vec::new();
    for (i, head) in words.iter().enumerate() {
        let head_text = &text[head.clone()];
        let mut kind = if OUTLET_HEADS.contains(&head_text) {
            Kind::Outlet
        } else if AGENCY_HEADS.contains(&head_text) {
            Kind::Agency
        } else {
            continue;
        };
        let mut start = i;
        while start > 0 && i - start < MAX_MODIFIERS {
            let previous = &words[start - 1];
            let between = &text[previous.end..words[start].start];
            let word = &text[previous.clone()];
            // A possessive ("Spain's National Court") owns the name; it is not part of it.
            let possessive = word.ends_with("'s") || word.ends_with("’s");
            if between != " " || !is_capitalised(word) || STOP_WORDS.contains(&word) || possessive {
                break;
            }
            start -= 1;
        }
        if words[start..i]
            .iter()
            .all(|word| GENERIC.contains(&&text[word.clone()]))
        {
            continue;
        }
        // "X News Agency" and "X Press Agency" publish; they are not authorities.
        if head_text == "Agency" && matches!(&text[words[i - 1].clone()], "News" | "Press") {
            kind = Kind::Outlet;
        }
        // "Xinhua News Agency" holds the shorter "Xinhua News": keep the longer.
        if found
            .last()
            .is_some_and(|last: &RuleMatch| last.range.start == words[start].start)
        {
            found.pop();
        }
        found.push(RuleMatch {
            range: words[start].start..head.end,
            kind,
        });
    }
    found
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Byte ranges of the words of `text`: letters and digits, with inner
/// hyphens and apostrophes ("al-Bayan", "Prosecutor's").
fn words(text: &str) -> Vec<Range<usize>> {
    let mut words = Vec::new();
    let mut start = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let inner_joiner = matches!(c, '-' | '\'' | '’')
            && start.is_some()
            && chars.peek().is_some_and(|(_, next)| next.is_alphanumeric());
        if c.is_alphanumeric() || inner_joiner {
            start.get_or_insert(at);
        } else if let Some(begin) = start.take() {
            words.push(begin..at);
        }
    }
    if let Some(begin) = start {
        words.push(begin..text.len());
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(&str, Kind)> {
        find(text)
            .into_iter()
            .map(|m| (&text[m.range], m.kind))
            .collect()
    }

    #[test]
    fn capitalised_words_before_a_head_make_a_name() {
        assert_eq!(
            names("Max covers events for Roswell Gazette."),
            [("Roswell Gazette", Kind::Outlet)]
        );
        assert_eq!(
            names("officers of the Dutch National Police arrived"),
            [("Dutch National Police", Kind::Agency)]
        );
    }

    #[test]
    fn a_head_alone_or_after_lowercase_is_not_a_name() {
        assert!(names("Police said the news was old.").is_empty());
        assert!(names("the local police and national radio").is_empty());
    }

    #[test]
    fn sentence_starts_do_not_become_names() {
        assert!(names("In Times Square, crowds gathered.").is_empty());
        assert_eq!(names("The Kyiv Post"), []);
        assert_eq!(names("The Kyiv Herald"), [("Kyiv Herald", Kind::Outlet)]);
    }

    #[test]
    fn punctuation_breaks_a_name() {
        assert_eq!(
            names("Belgium, Dutch Police"),
            [("Dutch Police", Kind::Agency)]
        );
        assert!(names("said Smith. Radio").is_empty());
    }

    #[test]
    fn a_possessive_owner_is_left_out() {
        assert_eq!(
            names("Spain’s Guardia Civil and Romania's Border Police"),
            [("Border Police", Kind::Agency)]
        );
        assert!(names("France’s Police said").is_empty());
    }

    #[test]
    fn generic_modifiers_alone_do_not_make_a_name() {
        assert!(names("the National Court and the Federal Police").is_empty());
        assert_eq!(
            names("the Supreme Court"),
            [("Supreme Court", Kind::Agency)]
        );
    }

    #[test]
    fn news_agency_is_an_outlet() {
        assert_eq!(
            names("the Xinhua News Agency"),
            [("Xinhua News Agency", Kind::Outlet)]
        );
    }

    #[test]
    fn words_keep_inner_hyphens_and_apostrophes() {
        let text = "al-Bayan's Prosecutor's - end";
        let found: Vec<_> = words(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["al-Bayan's", "Prosecutor's", "end"]);
    }
}
