//! Unicode full case folding, for case-insensitive search.
//!
//! Folding maps every character to a string that stands for it whatever
//! its case: mostly its lower case, but "ß" folds to "ss", the ligature "ﬁ"
//! to "fi", final "ς" to "σ", the micro sign "µ" to Greek "μ" and the
//! Kelvin sign "K" to "k", so that "STRASSE" finds "Straße" and "µg" finds
//! "μg". Two texts are equal ignoring case when their foldings are equal.
//!
//! The mapping is Unicode's **full** case folding, version **15.0.0**: the
//! lines of status C and F of CaseFolding.txt (statuses S, the simple
//! foldings, and T, the Turkic ones, are left out). Characters the file does
//! not list fold to themselves, which is not always their lower case (the
//! Cherokee small letters fold to the capitals, for one).
//!
//! The table ([`table`]) is generated from a copy of the file kept in
//! `tests/fixtures/casefolding/`, never written by hand, and a test holds
//! it to the file (see `generate`). It is a sorted array searched by
//! binary search; ASCII, most of any text, is folded without looking.
//!
//! A few characters outside ASCII fold into ASCII only (the ligatures
//! "ﬀ" to "ﬆ", "ß", "ẞ", "ſ" and the Kelvin sign); they are the only way
//! text that is not ASCII can match an ASCII word ignoring case, which is
//! what lets [`starts`] find ASCII words at memory speed.

pub mod starts;
mod table;

#[cfg(test)]
mod generate;

/// The Unicode version of the case folding table.
pub const UNICODE_VERSION: &str = "15.0.0";

/// The ASCII small letters, to hand out folded capitals as `&'static str`.
const SMALL: &str = "abcdefghijklmnopqrstuvwxyz";

/// What `c` folds to, or `None` if it folds to itself.
///
/// ```
/// use newsdesk::search::fold::fold_char;
/// assert_eq!(fold_char('A'), Some("a"));
/// assert_eq!(fold_char('ß'), Some("ss"));
/// assert_eq!(fold_char('\u{212A}'), Some("k"));
/// assert_eq!(fold_char('a'), None);
/// ```
pub fn fold_char(c: char) -> Option<&'static str> {
    if c.is_ascii() {
        if c.is_ascii_uppercase() {
            let at = usize::from(c as u8 - b'A');
            return SMALL.get(at..=at);
        }
        return None;
    }
    table::FOLDS
        .binary_search_by_key(&c, |&(from, _)| from)
        .ok()
        .map(|at| table::FOLDS[at].1)
}

/// The characters `c` folds to, appended to `out`.
pub fn fold_into(c: char, out: &mut Vec<char>) {
    match fold_char(c) {
        Some(folded) => out.extend(folded.chars()),
        None => out.push(c),
    }
}

/// `text` folded, as characters.
pub fn fold(text: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        fold_into(c, &mut out);
    }
    out
}

/// Whether `c`, outside ASCII, folds to ASCII characters only.
pub fn folds_into_ascii(c: char) -> bool {
    !c.is_ascii() && fold_char(c).is_some_and(str::is_ascii)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> String {
        fold(text).into_iter().collect()
    }

    #[test]
    fn folds_to_lower_case_and_expands_where_unicode_says() {
        assert_eq!(folded("ÉTAT"), "état");
        assert_eq!(folded("Straße"), "strasse");
        assert_eq!(folded("ﬁnance"), "finance");
        assert_eq!(folded("ΟΔΟΣ"), folded("οδος"));
        assert_eq!(folded("οδος"), "οδοσ");
    }

    #[test]
    fn look_alikes_fold_together() {
        assert_eq!(folded("µg"), folded("μg"), "micro sign and mu");
        assert_eq!(folded("\u{212A}elvin"), "kelvin");
        assert_eq!(folded("ſoft"), "soft");
        assert_eq!(
            folded("\u{130}"),
            "i\u{307}",
            "dotted capital I, not Turkic"
        );
        assert_eq!(folded("I"), "i");
        assert_eq!(
            folded("\u{13A0}\u{AB70}"),
            "\u{13A0}\u{13A0}",
            "Cherokee folds to the capitals"
        );
    }

    #[test]
    fn every_full_folding_of_case_folding_txt_is_followed() {
        let file = std::fs::read_to_string(generate::case_folding_txt()).unwrap();
        assert_eq!(generate::version(&file), Some(UNICODE_VERSION));
        let foldings = generate::full_foldings(&file);
        for (c, expected) in &foldings {
            assert_eq!(fold_char(*c), Some(expected.as_str()), "{c:?}");
            let mut out = Vec::new();
            fold_into(*c, &mut out);
            assert_eq!(out.iter().collect::<String>(), *expected, "{c:?}");
        }
        // Every other character folds to itself.
        let listed: std::collections::HashSet<char> = foldings.iter().map(|(c, _)| *c).collect();
        let unlisted = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|c| !listed.contains(c));
        for c in unlisted {
            assert_eq!(fold_char(c), None, "{c:?}");
        }
    }

    #[test]
    fn folding_twice_changes_nothing() {
        for &(c, once) in table::FOLDS {
            assert_eq!(folded(once), once, "{c:?}");
        }
    }

    #[test]
    fn only_ligatures_sharp_s_long_s_and_kelvin_fold_into_ascii() {
        let into_ascii: String = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| folds_into_ascii(c))
            .collect();
        assert_eq!(into_ascii, "ßſẞ\u{212A}ﬀﬁﬂﬃﬄﬅﬆ");
    }
}
