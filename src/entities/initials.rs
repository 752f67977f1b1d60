//! Acronyms read against the initials of names in the same text.
//!
//! Two things an article can say about a known acronym that the gazetteer
//! cannot know:
//!
//! - it spells it out as a name the recogniser did not find: "Pakistan
//!   Tehreek-e-Insaf (PTI)" makes PTI a party here, not the Press Trust of
//!   India; "Agência Nacional do Petróleo (ANP)" makes ANP a regulator. The
//!   long form's head words ("Agência", "Commission", "Radio") say whether
//!   it is an agency, an outlet or neither;
//! - it has named a body whose initials the acronym is: "AFP" after "the
//!   Australian Federal Police" is the police, not the news agency.

use std::ops::Range;

use super::lexicon::{class, connector};
use super::{Kind, Mention};

/// The initials of the capitalised words of `name` and of the capitalised
/// parts of its hyphenated words, upper case: "Australian Federal Police"
/// → "AFP", "Pakistan Tehreek-e-Insaf" → "PTI", "Agence France-Presse" →
/// "AFP".
pub fn initials(name: &str) -> String {
    initial_letters(name).collect()
}

/// The letters of an acronym, upper case: "PML-N" → "PMLN".
pub fn letters(acronym: &str) -> String {
    acronym
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

/// A long form that the text spells out before an acronym, where no
/// mention covers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spelt<'t> {
    /// The long form.
    pub range: Range<usize>,
    /// The acronym in parentheses after it.
    pub acronym: &'t str,
    /// What its head words make it, if anything.
    pub kind: Option<Kind>,
}

/// How many words before the parenthesis may make up a long form.
const MAX_WORDS: usize = 12;

/// Every "Long Form (ACR)" whose capitalised words spell ACR and that
/// neither a mention nor one of `covered` overlaps. Both are sorted and
/// non-overlapping.
pub fn spelt_out<'t>(
    text: &'t str,
    mentions: &[Mention],
    covered: &[Range<usize>],
) -> Vec<Spelt<'t>> {
    let mut found = Vec::new();
    for open in memchr::memchr_iter(b'(', text.as_bytes()) {
        let Some(inside) = super::acronyms::parenthesised(&text[open + 1..]) else {
            continue;
        };
        if !super::acronyms::is_acronym(inside) {
            continue;
        }
        let Some(before) = text[..open].strip_suffix(' ') else {
            continue;
        };
        // The first range that ends after `range` starts is the only one
        // that can overlap it.
        let overlaps = |range: &Range<usize>| {
            let mention = mentions.partition_point(|m| m.range.end <= range.start);
            let other = covered.partition_point(|c| c.end <= range.start);
            mentions
                .get(mention)
                .is_some_and(|m| m.range.start < range.end)
                || covered.get(other).is_some_and(|c| c.start < range.end)
        };
        if let Some(range) = long_form(before, &letters(inside))
            && !overlaps(&range)
        {
            found.push(Spelt {
                kind: kind_of(&text[range.clone()]),
                range,
                acronym: inside,
            });
        }
    }
    found
}

/// The shortest run of words ending `before` whose initials are `wanted`:
/// capitalised words, with lower-case joining words ("of", "de") inside.
fn long_form(before: &str, wanted: &str) -> Option<Range<usize>> {
    let mut start = before.len();
    for _ in 0..MAX_WORDS {
        let word_start = before[..start].rfind(' ').map_or(0, |space| space + 1);
        let word = &before[word_start..start];
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if !capitalised && !connector(word) {
            return None;
        }
        start = word_start;
        if capitalised {
            let spelt = initials(&before[start..]);
            if spelt == wanted {
                return Some(start..before.len());
            }
            if spelt.len() > wanted.len() || !wanted.ends_with(&spelt) {
                return None;
            }
        }
        if start == 0 {
            return None;
        }
        start -= 1;
    }
    None
}

/// What the head words of a long form make it: an outlet ("Radio", "Presse",
/// "News"), an agency ("Agência", "Commission", "Police"), or neither. As
/// in the rules, a common head ("Center") says nothing, and a research or
/// commercial word ("Privacy", "Business") makes the name no agency's.
fn kind_of(long_form: &str) -> Option<Kind> {
    let mut classes = 0;
    for word in long_form.split(' ') {
        let bits = super::lexicon::class(word);
        classes |= if bits & class::WEAK_HEAD == 0 {
            bits
        } else {
            bits & !(class::SUFFIX_AGENCY | class::PREFIX_AGENCY)
        };
    }
    if classes & (class::SUFFIX_OUTLET | class::OUTLET_PREFIX | class::NEWS_WORD) != 0 {
        Some(Kind::Outlet)
    } else if classes & (class::SUFFIX_AGENCY | class::PREFIX_AGENCY) != 0
        && classes & class::NON_OFFICIAL == 0
    {
        Some(Kind::Agency)
    } else {
        None
    }
}

/// Gives an acronym that spells the initials of a body named in the text
/// that body's kind and name ("AFP" after "Australian Federal Police").
/// Where several named bodies have those initials (the police and Agence
/// France-Presse), the one named last before the acronym wins; a body
/// named only after it does not count, as a dateline "(AFP)" may open an
/// article that names the police later.
pub fn follow_named_bodies(text: &str, mentions: &mut [Mention]) {
    let surface = |m: &Mention| &text[m.range.clone()];
    // Each acronym with its letters; then the letters sorted, and the
    // initials of every name of more than one word that spells one:
    // (initials, where, which mention), sorted, so that the bodies an
    // acronym may stand for are a run in text order.
    let spelt: Vec<(usize, u128)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| super::acronyms::is_acronym(surface(m)))
        .filter_map(|(at, m)| Some((at, packed(acronym_letters(surface(m)))?)))
        .collect();
    if spelt.is_empty() {
        return;
    }
    let mut letters: Vec<u128> = spelt.iter().map(|&(_, letters)| letters).collect();
    letters.sort_unstable();
    let mut named: Vec<(u128, usize, usize)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| surface(m).contains(' '))
        .filter_map(|(at, m)| Some((packed_initials(surface(m))?, m.range.start, at)))
        .filter(|(initials, _, _)| letters.binary_search(initials).is_ok())
        .collect();
    if named.is_empty() {
        return;
    }
    named.sort_unstable();
    let mut renamed: Vec<(usize, usize)> = Vec::new();
    for (at, spelt) in spelt {
        let mention = &mentions[at];
        // The last body with those initials named before the acronym.
        let before = named.partition_point(|&(initials, start, _)| {
            (initials, start) < (spelt, mention.range.start)
        });
        if let Some(&(initials, _, from)) = before.checked_sub(1).and_then(|last| named.get(last))
            && initials == spelt
        {
            renamed.push((at, from));
        }
    }
    for (at, from) in renamed {
        let (kind, name) = (mentions[from].kind, mentions[from].name.clone());
        mentions[at].kind = kind;
        mentions[at].name = name;
    }
}

/// Up to sixteen ASCII letters in one number, so that initials compare
/// without a string being built; `None` for anything longer or not ASCII.
fn packed(letters: impl Iterator<Item = char>) -> Option<u128> {
    let mut value: u128 = 0;
    for (at, c) in letters.enumerate() {
        if at >= 16 || !c.is_ascii() {
            return None;
        }
        value |= u128::from(c as u8) << (8 * at);
    }
    Some(value)
}

/// [`initials`] without building a string.
fn initial_letters(name: &str) -> impl Iterator<Item = char> + '_ {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|part| part.chars().next())
        .filter(|c| c.is_uppercase())
        .flat_map(char::to_uppercase)
}

/// [`packed`] of the [`initial_letters`] of `name`, read from the bytes
/// where the name is ASCII, as most are.
fn packed_initials(name: &str) -> Option<u128> {
    if !name.is_ascii() {
        return packed(initial_letters(name));
    }
    let bytes = name.as_bytes();
    let mut value: u128 = 0;
    let mut count = 0;
    for (at, &byte) in bytes.iter().enumerate() {
        // A part begins the name or follows white space or a hyphen.
        let part_start = at == 0 || matches!(bytes[at - 1], b'\t'..=b'\r' | b' ' | b'-');
        if part_start && byte.is_ascii_uppercase() {
            if count == 16 {
                return None;
            }
            value |= u128::from(byte) << (8 * count);
            count += 1;
        }
    }
    Some(value)
}

/// [`letters`] without building a string.
fn acronym_letters(acronym: &str) -> impl Iterator<Item = char> + '_ {
    acronym
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn initials_are_packed_alike_from_bytes_and_chars(
            name in "[AaZé\t\x0b\r -]{0,40}",
        ) {
            proptest::prop_assert_eq!(packed_initials(&name), packed(initial_letters(&name)));
        }
    }

    #[test]
    fn initials_take_capitalised_words_and_hyphen_parts() {
        assert_eq!(initials("Australian Federal Police"), "AFP");
        assert_eq!(initials("Pakistan Tehreek-e-Insaf"), "PTI");
        assert_eq!(initials("Ministry of Coastal Affairs"), "MCA");
        assert_eq!(letters("PML-N"), "PMLN");
    }

    fn spelt(text: &str) -> Vec<(&str, &str, Option<Kind>)> {
        spelt_out(text, &[], &[])
            .into_iter()
            .map(|s| (&text[s.range], s.acronym, s.kind))
            .collect()
    }

    #[test]
    fn long_forms_are_found_by_their_initials() {
        assert_eq!(
            spelt("supporters of Pakistan Tehreek-e-Insaf (PTI) marched"),
            [("Pakistan Tehreek-e-Insaf", "PTI", None)]
        );
        assert_eq!(
            spelt("the Agência Nacional do Petróleo (ANP) said"),
            [("Agência Nacional do Petróleo", "ANP", Some(Kind::Agency))]
        );
        assert_eq!(
            spelt("the Kestrel Broadcasting Corporation (KBC) aired"),
            [(
                "Kestrel Broadcasting Corporation",
                "KBC",
                Some(Kind::Outlet)
            )]
        );
        assert_eq!(
            spelt("the Electronic Privacy Information Center (EPIC) said"),
            [("Electronic Privacy Information Center", "EPIC", None)]
        );
        assert!(spelt("the vote (PTI) and the Monday talks (ANP)").is_empty());
        assert!(spelt("a new law (CMA)").is_empty());
    }

    #[test]
    fn a_long_form_already_a_mention_is_not_spelt_again() {
        let text = "the Kestrel Police Service (KPS) said";
        let mention = Mention {
            range: 4..25,
            kind: Kind::Agency,
            name: "Kestrel Police Service".to_owned(),
        };
        let range = mention.range.clone();
        assert!(spelt_out(text, &[mention], &[]).is_empty());
        assert!(spelt_out(text, &[], &[0..2, range, 30..31]).is_empty());
        assert_eq!(spelt_out(text, &[], &[0..2, 30..31]).len(), 1);
    }

    fn mention(text: &str, surface: &str, kind: Kind, name: &str) -> Mention {
        let start = text.rfind(surface).unwrap();
        Mention {
            range: start..start + surface.len(),
            kind,
            name: name.to_owned(),
        }
    }

    #[test]
    fn an_acronym_follows_the_body_whose_initials_it_is() {
        let text = "the Australian Federal Police said. An AFP commander spoke";
        let mut mentions = vec![
            mention(
                text,
                "Australian Federal Police",
                Kind::Agency,
                "Australian Federal Police",
            ),
            mention(text, "AFP", Kind::Outlet, "Agence France-Presse"),
        ];
        follow_named_bodies(text, &mut mentions);
        assert_eq!(
            (mentions[1].kind, mentions[1].name.as_str()),
            (Kind::Agency, "Australian Federal Police")
        );
    }

    /// [`follow_named_bodies`] as a scan back over every name for each
    /// acronym.
    fn follow_named_bodies_naively(text: &str, mentions: &mut [Mention]) {
        let surface = |m: &Mention| &text[m.range.clone()];
        let named: Vec<(usize, String, usize)> = mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| surface(m).contains(' '))
            .map(|(at, m)| (m.range.start, initials(surface(m)), at))
            .collect();
        let mut renamed = Vec::new();
        for (at, mention) in mentions.iter().enumerate() {
            if !super::super::acronyms::is_acronym(surface(mention)) {
                continue;
            }
            let spelt = letters(surface(mention));
            if let Some(&(_, _, from)) = named
                .iter()
                .rfind(|(start, initials, _)| *start < mention.range.start && *initials == spelt)
            {
                renamed.push((at, from));
            }
        }
        for (at, from) in renamed {
            mentions[at].kind = mentions[from].kind;
            mentions[at].name = mentions[from].name.clone();
        }
    }

    proptest::proptest! {
        #[test]
        fn an_acronym_follows_the_body_a_scan_back_finds(
            names in proptest::collection::vec(
                proptest::sample::select(&[
                    "Australian Federal Police",
                    "Agence France-Presse",
                    "AFP",
                    "A.F.P.",
                    "Kestrel Sports Network",
                    "KSN",
                    "Kestrel",
                ][..]),
                0..16,
            ),
        ) {
            let text = names.join(", ");
            let mut mentions = Vec::new();
            let mut at = 0;
            for (n, name) in names.iter().enumerate() {
                mentions.push(Mention {
                    range: at..at + name.len(),
                    kind: if n % 2 == 0 { Kind::Agency } else { Kind::Outlet },
                    name: format!("{name} {n}"),
                });
                at += name.len() + 2;
            }
            let mut naive = mentions.clone();
            follow_named_bodies(&text, &mut mentions);
            follow_named_bodies_naively(&text, &mut naive);
            proptest::prop_assert_eq!(mentions, naive);
        }
    }

    #[test]
    fn the_body_named_last_before_the_acronym_wins() {
        let text = "the Australian Federal Police said, Agence France-Presse reported, AFP added";
        let mut mentions = vec![
            mention(
                text,
                "Australian Federal Police",
                Kind::Agency,
                "Australian Federal Police",
            ),
            mention(text, "Agence France-Presse", Kind::Outlet, "AFP"),
            mention(text, "AFP", Kind::Agency, "Australian Federal Police"),
        ];
        follow_named_bodies(text, &mut mentions);
        assert_eq!(
            (mentions[2].kind, mentions[2].name.as_str()),
            (Kind::Outlet, "AFP")
        );
        let text = "the Kestrel Sports Network said; AFP reported";
        let mut mentions = vec![
            mention(
                text,
                "Kestrel Sports Network",
                Kind::Outlet,
                "Kestrel Sports Network",
            ),
            mention(text, "AFP", Kind::Outlet, "Agence France-Presse"),
        ];
        follow_named_bodies(text, &mut mentions);
        assert_eq!(mentions[1].name, "Agence France-Presse");
    }

    #[test]
    fn a_body_named_only_after_the_acronym_does_not_claim_it() {
        let text = "AFP reported that the Australian Federal Police had raided it";
        let mut mentions = vec![
            mention(text, "AFP", Kind::Outlet, "Agence France-Presse"),
            mention(
                text,
                "Australian Federal Police",
                Kind::Agency,
                "Australian Federal Police",
            ),
        ];
        follow_named_bodies(text, &mut mentions);
        assert_eq!(
            (mentions[0].kind, mentions[0].name.as_str()),
            (Kind::Outlet, "Agence France-Presse")
        );
    }
}
