//! Names read off the text itself, for organisations the gazetteer lacks.
//!
//! - [`heads`]: capitalised names around an organisation head ("Roswell
//!   Gazette", "Ministry of Coastal Affairs", "Radio Andalus").
//! - [`described`]: bodies described by nationality ("Dutch police", "the
//!   British anti-terrorist unit").
//! - [`apposition`]: names introduced by a description ("the news agency
//!   Bernama", "Rappler, a Philippine news site", "Halumu and Nashir news
//!   sites").
//! - [`stations`]: radio and television stations by call sign or frequency
//!   ("the Austin station KXAN", "KING 5", "Metro Talk 98.4").
//!
//! Every rule refuses capitalised words that are capitalised only because
//! they start a sentence, so sentence starts do not become names.

mod apposition;
mod described;
mod heads;
mod stations;

use std::ops::Range;

use super::Kind;
use super::lexicon::class;
use super::tokens::{Tokens, without_possessive};

/// A name found by a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleMatch {
    /// Byte range of the name.
    pub range: Range<usize>,
    /// What the rule says the organisation is.
    pub kind: Kind,
}

/// Every name the rules find, sorted by start.
pub fn find(tokens: &Tokens<'_>) -> Vec<RuleMatch> {
    let mut found = Vec::new();
    heads::find(tokens, &mut found);
    described::find(tokens, &mut found);
    apposition::find(tokens, &mut found);
    stations::find(tokens, &mut found);
    // In a line written in capitals, capitals say nothing of names.
    found.retain(|m| !in_capitals_line(tokens.text, &m.range));
    drop_religious_bodies(tokens.text, &mut found);
    found.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
    found.dedup_by(|later, earlier| later.range == earlier.range);
    found
}

/// Drops the agencies that are councils of a faith, and every name inside
/// one ("Nigerian Supreme Council" of "… for Islamic Affairs").
fn drop_religious_bodies(text: &str, found: &mut Vec<RuleMatch>) {
    let mut religious: Vec<Range<usize>> = found
        .iter()
        .filter(|m| {
            m.kind == Kind::Agency && super::lexicon::religious_body(&text[m.range.clone()])
        })
        .map(|m| m.range.clone())
        .collect();
    if religious.is_empty() {
        return;
    }
    // By start, each with the furthest end of those starting no later: a
    // name lies inside one of them when that end reaches its own.
    religious.sort_unstable_by_key(|r| r.start);
    let mut furthest = 0;
    for range in &mut religious {
        furthest = furthest.max(range.end);
        range.end = furthest;
    }
    found.retain(|m| {
        let before = religious.partition_point(|r| r.start <= m.range.start);
        before == 0 || religious[before - 1].end < m.range.end
    });
}

/// How far either side of a name [`in_capitals_line`] looks for a
/// lower-case letter, in bytes: a headline is short, and a long line in
/// capitals must not be read again for each name in it.
const HEADLINE_REACH: usize = 80;

/// Whether `range` is written in capitals in a line written in capitals,
/// a headline ("TV STAR WINS KING OF THE JUNGLE"): no lower-case letter in
/// the name, nor in its line within [`HEADLINE_REACH`] bytes either side,
/// and three words or more there in capitals.
fn in_capitals_line(text: &str, range: &Range<usize>) -> bool {
    if text[range.clone()].chars().any(char::is_lowercase) {
        return false;
    }
    let bytes = text.as_bytes();
    let mut start = range.start.saturating_sub(HEADLINE_REACH);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = (range.end + HEADLINE_REACH).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let start = bytes[start..range.start]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(start, |at| start + at + 1);
    let end = bytes[range.end..end]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(end, |at| range.end + at);
    let line = &text[start..end];
    !line.chars().any(char::is_lowercase)
        && line
            .split_whitespace()
            .filter(|word| super::tokens::is_in_capitals(word))
            .count()
            >= 3
}

/// Whether word `i` can be part of a name: capitalised, not a stop word,
/// day or month, not a description in a hyphenated word ("Bengali-language",
/// "London-based"), and not capitalised only because a sentence starts
/// there.
fn name_word(tokens: &Tokens<'_>, i: usize) -> bool {
    (tokens.is_capitalised(i) || is_ordinal(tokens.word(i)))
        && !tokens.is(i, class::STOP | class::CALENDAR)
        && !(tokens.word(i).contains('-') && super::lexicon::descriptive_compound(tokens.word(i)))
        && !tokens.is_ordinary_sentence_start(i)
}

/// Whether `word` is an ordinal number in figures ("11th", "3rd"), as in
/// the names of military units ("11th Infantry Division").
fn is_ordinal(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&word[digits..], "st" | "nd" | "rd" | "th")
}

/// The start of the run of name words that ends at word `end` (inclusive),
/// at most `max` words long, joined by single spaces; `None` if word `end`
/// is not a name word. A possessive word ends the run: "Spain's National
/// Court" is a name owned by Spain.
fn name_run_back(tokens: &Tokens<'_>, end: usize, max: usize) -> Option<usize> {
    if !name_word(tokens, end) || super::tokens::is_possessive(tokens.word(end)) {
        return None;
    }
    let mut start = end;
    while start > 0
        && end - start + 1 < max
        && tokens.joined(start - 1)
        && name_word(tokens, start - 1)
        && !super::tokens::is_possessive(tokens.word(start - 1))
    {
        start -= 1;
    }
    Some(start)
}

/// The end (inclusive) of the run of name words that starts at word
/// `start`, at most `max` words long; `None` if word `start` is not one.
fn name_run_forward(tokens: &Tokens<'_>, start: usize, max: usize) -> Option<usize> {
    if !name_word(tokens, start) {
        return None;
    }
    let mut end = start;
    while end + 1 < tokens.words.len()
        && end - start + 1 < max
        && !super::tokens::is_possessive(tokens.word(end))
        && tokens.joined(end)
        && name_word(tokens, end + 1)
    {
        end += 1;
    }
    Some(end)
}

/// The byte range from the start of word `first` to the end of word `last`,
/// without a leading "The" and a trailing possessive.
fn span(tokens: &Tokens<'_>, first: usize, last: usize) -> Option<Range<usize>> {
    let first = if tokens.word(first) == "The" && first < last {
        first + 1
    } else {
        first
    };
    let start = tokens.words[first].range.start;
    let word = tokens.word(last);
    let trim = if super::tokens::is_possessive(word) {
        word.len() - without_possessive(word).len()
    } else {
        0
    };
    let end = tokens.words[last].range.end - trim;
    (start < end).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names the rules find in `text`, as (text, kind).
    pub(super) fn names(text: &str) -> Vec<(&str, Kind)> {
        find(&Tokens::new(text))
            .into_iter()
            .map(|m| (&text[m.range], m.kind))
            .collect()
    }

    #[test]
    fn results_are_sorted_and_unique() {
        let found = names("the news agency Xinhua News Agency and Dutch police");
        assert_eq!(
            found,
            [
                ("Xinhua News Agency", Kind::Outlet),
                ("Dutch police", Kind::Agency)
            ]
        );
    }

    #[test]
    fn a_headline_in_capitals_names_nothing_by_its_capitals() {
        assert!(names("TV STAR WINS KING OF THE JUNGLE\n\nThe actor said.").is_empty());
        assert!(names("Body text.\nRADIO TAMARIND HOST QUITS\nMore text.").is_empty());
        // The same words in a line of ordinary case are read.
        assert_eq!(
            names("She hosts a show on TV STAR WINS, a channel."),
            [("TV STAR WINS", Kind::Outlet)]
        );
    }

    #[test]
    fn a_line_in_capitals_is_read_only_near_each_name() {
        // A lower-case letter within HEADLINE_REACH bytes makes the line
        // ordinary; one further away does not.
        let near = "she joined TV STAR WINS KING";
        assert_eq!(names(near), [("TV STAR WINS KING", Kind::Outlet)]);
        // (A rule may read words in capitals before "TV" into the name:
        // the lower-case letters stand well beyond its reach.)
        let far = format!("she joined {}TV STAR WINS KING", "TALKS ".repeat(30));
        assert!(far.find("TV").is_some_and(|at| at > 2 * HEADLINE_REACH));
        assert!(names(&far).is_empty());
    }

    #[test]
    fn a_council_of_a_faith_is_no_agency() {
        assert!(
            names("The Muslim Council of Britain and the Pakistan Ulema Council met.").is_empty()
        );
        assert!(names("a service of the World Council of Churches").is_empty());
        assert!(names("the Nigerian Supreme Council for Islamic Affairs spoke").is_empty());
        // Nested and overlapping ones, and a body after them.
        assert_eq!(
            names("the Muslim Council of Britain Board and the Kestrel Fire and Rescue Service"),
            [("Kestrel Fire and Rescue Service", Kind::Agency)]
        );
        // Bodies of a state keep their reading, and outlets theirs.
        assert_eq!(
            names("a letter to the Ministry of Islamic Affairs"),
            [("Ministry of Islamic Affairs", Kind::Agency)]
        );
        assert_eq!(
            names("said the Catholic News Agency"),
            [("Catholic News Agency", Kind::Outlet)]
        );
    }

    #[test]
    fn language_adjectives_and_other_descriptions_are_no_names() {
        assert!(names("the Bengali-language daily reported").is_empty());
        assert!(names("a London-based Kurdish news site").is_empty());
        assert_eq!(
            names("the Bengali daily Prothom Alo reported"),
            [("Prothom Alo", Kind::Outlet)]
        );
    }

    #[test]
    fn military_units_keep_their_ordinal() {
        assert_eq!(
            names("Marines from the 11th Infantry Division pursued them"),
            [("11th Infantry Division", Kind::Agency)]
        );
        assert!(names("on the 11th floor").is_empty());
        assert_eq!(
            names("the Kuwait Fire Force helped"),
            [("Kuwait Fire Force", Kind::Agency)]
        );
    }

    #[test]
    fn name_runs_stop_at_possessives_and_sentence_starts() {
        let text = "Local officials met. Spain’s National Court ruled. The local court sat.";
        let tokens = Tokens::new(text);
        let court = (0..tokens.words.len())
            .position(|i| tokens.word(i) == "Court")
            .unwrap();
        let start = name_run_back(&tokens, court, 5).unwrap();
        assert_eq!(tokens.word(start), "National");
        assert_eq!(
            name_run_back(&tokens, 0, 5),
            None,
            "Local is an ordinary word"
        );
    }

    #[test]
    fn a_number_without_an_ordinal_ending_is_no_part_of_a_name() {
        assert_eq!(
            names("the 300 Border Police officers stood by"),
            [("Border Police", Kind::Agency)]
        );
    }

    #[test]
    fn a_capital_at_a_sentence_start_counts_where_the_text_never_writes_it_small() {
        assert_eq!(
            names("Rural Police said so."),
            [("Rural Police", Kind::Agency)]
        );
        assert!(names("Rural Police said so in rural areas.").is_empty());
    }
}
