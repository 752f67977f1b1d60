//! Radio and television stations named by what tunes them in.
//!
//! - A name before an FM frequency is a radio station ("Metro Talk 98.4",
//!   "Capital 95.8"): a decimal between 87.5 and 108.0.
//! - North American call signs: four capitals starting with K or W
//!   ("KXAN", "WFAA-TV", "KING 5"), named as stations where the words
//!   around them speak of broadcasting ("the Austin station KXAN", "KWTX
//!   reported").
//!
//! Four capitals are also many acronyms (a Korean agency, a NATO force),
//! so a call sign must stand without an article ("the KNPA said" is an
//! acronym), outside a line written in capitals, and beside a word of
//! broadcasting within a few words of the same sentence.

use super::super::Kind;
use super::super::tokens::{Tokens, is_in_capitals, is_possessive, without_possessive};
use super::{RuleMatch, name_run_back};

/// How many words either side are searched for a word of broadcasting.
const WINDOW: usize = 4;

/// Suffixes a call sign may carry ("WFAA-TV", "KUOW-FM").
const SUFFIXES: &[&str] = &["TV", "FM", "AM", "DT", "LP", "CD", "HD"];

/// How many words a station's name may have before its frequency.
const MAX_NAME: usize = 3;

/// Appends the stations in `tokens` to `found`.
pub fn find(tokens: &Tokens<'_>, found: &mut Vec<RuleMatch>) {
    // The first byte rules out almost every word, read without slicing
    // the word out.
    let bytes = tokens.text.as_bytes();
    for (i, word) in tokens.words.iter().enumerate() {
        match bytes[word.range.start] {
            b'K' | b'W' => call_sign(tokens, i, found),
            b'0'..=b'9' => frequency(tokens, i, found),
            _ => {}
        }
    }
}

/// "Metro Talk 98.4": a name, a space, and an FM frequency, whose whole
/// megahertz are word `i`.
fn frequency(tokens: &Tokens<'_>, i: usize, found: &mut Vec<RuleMatch>) {
    if i == 0 || i + 1 >= tokens.words.len() {
        return;
    }
    let whole = tokens.word(i);
    if !(2..=3).contains(&whole.len())
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || tokens.gap_after(i) != "."
        || !tokens.joined(i - 1)
    {
        return;
    }
    let tenths = tokens.word(i + 1);
    if tenths.len() != 1 || !tenths.bytes().all(|b| b.is_ascii_digit()) {
        return;
    }
    let megahertz: u32 = whole.parse().unwrap_or(0) * 10 + u32::from(tenths.as_bytes()[0] - b'0');
    if !(875..=1080).contains(&megahertz) {
        return;
    }
    let Some(start) = name_run_back(tokens, i - 1, MAX_NAME) else {
        return;
    };
    let end = tokens.words[i + 1].range.end;
    // "98.4%" or "98.4 per cent" is a share, not a frequency.
    let after = &tokens.text[end..];
    if after.starts_with('%') || after.starts_with(" per") {
        return;
    }
    found.push(RuleMatch {
        range: tokens.words[start].range.start..end,
        kind: Kind::Outlet,
    });
}

/// The call sign at word `i`, if it is one.
fn call_sign(tokens: &Tokens<'_>, i: usize, found: &mut Vec<RuleMatch>) {
    let word = tokens.word(i);
    // Two capitals, the first K or W, rule out most of the rest.
    if !matches!(word.as_bytes(), [b'K' | b'W', second, ..] if second.is_ascii_uppercase()) {
        return;
    }
    let bare = without_possessive(word);
    if !is_call_sign(bare) || all_capitals(tokens, i.wrapping_sub(1)) {
        return;
    }
    if i > 0 && tokens.joined(i - 1) && matches!(tokens.word(i - 1), "the" | "The") {
        return;
    }
    // A channel number after it belongs to the brand ("KING 5").
    let number = !is_possessive(word)
        && i + 1 < tokens.words.len()
        && tokens.joined(i)
        && is_channel_number(tokens.word(i + 1));
    let last = if number { i + 1 } else { i };
    if all_capitals(tokens, last + 1) || !near_station_word(tokens, i, last) {
        return;
    }
    let start = tokens.words[i].range.start;
    let end = if number {
        tokens.words[last].range.end
    } else {
        start + bare.len()
    };
    found.push(RuleMatch {
        range: start..end,
        kind: Kind::Outlet,
    });
}

/// Whether `word` is four capitals starting with K or W, with a suffix
/// such as "-TV" if it has one.
fn is_call_sign(word: &str) -> bool {
    let (letters, suffix) = word.split_once('-').unwrap_or((word, ""));
    letters.len() == 4
        && matches!(letters.as_bytes()[0], b'K' | b'W')
        && letters.bytes().all(|b| b.is_ascii_uppercase())
        && (suffix.is_empty() || SUFFIXES.contains(&suffix))
}

/// Whether `word` is a channel number of one or two digits.
fn is_channel_number(word: &str) -> bool {
    (1..=2).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// Whether word `i` exists and is written in capitals (two letters or
/// more): then its neighbour is part of a line in capitals, a headline.
fn all_capitals(tokens: &Tokens<'_>, i: usize) -> bool {
    i < tokens.words.len() && is_in_capitals(tokens.word(i))
}

/// Whether a word of broadcasting stands within [`WINDOW`] words of words
/// `first..=last`, in the same sentence.
fn near_station_word(tokens: &Tokens<'_>, first: usize, last: usize) -> bool {
    let is_station_word = |i: usize| super::super::lexicon::station_word(tokens.word(i));
    let mut before = first;
    while before > 0 && first - before < WINDOW && !tokens.words[before].sentence_start {
        before -= 1;
        if is_station_word(before) {
            return true;
        }
    }
    let mut after = last + 1;
    while after < tokens.words.len()
        && after - last <= WINDOW
        && !tokens.words[after].sentence_start
    {
        if is_station_word(after) {
            return true;
        }
        after += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The call signs in `text`, as (text, kind).
    fn names(text: &str) -> Vec<(&str, Kind)> {
        let mut found = Vec::new();
        find(&Tokens::new(text), &mut found);
        found
            .into_iter()
            .map(|m| (&text[m.range], m.kind))
            .collect()
    }

    #[test]
    fn a_call_sign_beside_a_word_of_broadcasting_is_a_station() {
        assert_eq!(
            names("said the Austin station KXAN on Monday"),
            [("KXAN", Kind::Outlet)]
        );
        assert_eq!(
            names("Television station KING 5 broadcast the rescue"),
            [("KING 5", Kind::Outlet)]
        );
        assert_eq!(
            names("and Waco's KWTX followed up with reports"),
            [("KWTX", Kind::Outlet)]
        );
        assert_eq!(
            names("WFAA-TV reported that the jail"),
            [("WFAA-TV", Kind::Outlet)]
        );
    }

    #[test]
    fn a_name_before_an_fm_frequency_is_a_radio_station() {
        assert_eq!(
            names("bought Metro Talk 98.4 last year"),
            [("Metro Talk 98.4", Kind::Outlet)]
        );
        assert!(names("Model X 12.5 was released").is_empty());
        assert!(names("Turnout in Kestrel 98.4% said").is_empty());
        assert!(names("it rose to 98.4 last year").is_empty());
    }

    #[test]
    fn four_capitals_without_broadcasting_nearby_are_no_station() {
        assert!(names("KFOR troops patrolled the border on Monday").is_empty());
    }

    #[test]
    fn an_acronym_after_the_is_no_call_sign() {
        assert!(names("the KNPA reported 300 arrests").is_empty());
    }

    #[test]
    fn a_headline_in_capitals_holds_no_call_sign() {
        assert!(names("TV STAR WINS KING OF THE JUNGLE").is_empty());
        assert_eq!(names("TV station KING reported"), [("KING", Kind::Outlet)]);
    }
}
