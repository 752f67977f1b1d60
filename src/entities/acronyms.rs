//! Acronyms defined in the text: "Government Communications Headquarters
//! (GCHQ)" makes every later "GCHQ" a mention of the same organisation,
//! even where the gazetteer gives those letters to another body.

use std::ops::Range;

use super::canonical::tidy;
use super::matcher::is_word_boundary;
use super::{Kind, Mention, initials};

/// An acronym and what it stands for in this text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    /// The letters ("GCHQ").
    pub acronym: String,
    /// The organisation's kind.
    pub kind: Kind,
    /// The organisation's canonical name.
    pub name: String,
    /// Whether the long form describes rather than names the body
    /// ("British electronic intelligence services (GCHQ)").
    pub described: bool,
}

/// Where the acronym is that the text gives to the name at `range`: "Long
/// Name (ACR)" or "ACR (Long Name)".
fn acronym_of(text: &str, range: &Range<usize>) -> Option<Range<usize>> {
    let after = &text[range.end..];
    let before = &text[..range.start];
    let acronym = if let Some(inside) = after
        .strip_prefix(" (")
        .and_then(|rest| rest.split_once(')'))
        .map(|(inside, _)| inside)
    {
        range.end + 2..range.end + 2 + inside.len()
    } else {
        // "ACR (Long Name)"
        after.starts_with(')').then_some(())?;
        let head = before.strip_suffix(" (")?;
        let start = head
            .char_indices()
            .rfind(|&(_, c)| !is_acronym_char(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        start..head.len()
    };
    let letters = &text[acronym.clone()];
    (is_acronym(letters) && letters != &text[range.clone()]).then_some(acronym)
}

/// The acronyms the text defines next to a mention: "Long Name (ACR)" or
/// "ACR (Long Name)".
pub fn definitions(text: &str, mentions: &[Mention]) -> Vec<Definition> {
    mentions
        .iter()
        .filter_map(|mention| {
            let at = acronym_of(text, &mention.range)?;
            let acronym = &text[at.clone()];
            let long_form = &text[mention.range.clone()];
            let described = long_form.split_whitespace().any(|w| {
                w.chars().next().is_some_and(char::is_lowercase)
                    && !super::lexicon::connector(w)
                    && !w.contains('-')
            });
            // "SEOUL (Yonhap)" and "WASHINGTON (Associated Press)" open a
            // wire story: a dateline, not a definition.
            let line_start = text[..at.start].trim_end_matches([' ', '\t']);
            let dateline = at.start < mention.range.start
                && (line_start.is_empty() || line_start.ends_with('\n'));
            (!dateline).then(|| Definition {
                acronym: acronym.to_owned(),
                kind: mention.kind,
                name: mention.name.clone(),
                described,
            })
        })
        .collect()
}

/// Adds a mention for every use of a defined acronym; where the acronym
/// was already a mention (from the gazetteer), the text's own definition
/// decides what it stands for. An acronym the text gives to one of
/// `not_organisations` ("International Cricket Council (ICC)"), or to a
/// long form with no agency's or outlet's head ("Pakistan Tehreek-e-Insaf
/// (PTI)"), is no mention anywhere in it; a long form the rules missed
/// but whose head says what it is ("Agência Nacional do Petróleo (ANP)")
/// becomes one. Last, an acronym that spells the initials of another body
/// the text names stands for it ([`initials::follow_named_bodies`]).
/// `mentions` stays sorted and non-overlapping.
pub fn link(text: &str, mentions: &mut Vec<Mention>, not_organisations: &[Range<usize>]) {
    let mut foreign: Vec<&str> = not_organisations
        .iter()
        .filter_map(|range| acronym_of(text, range))
        .map(|at| &text[at])
        .collect();
    let mut long_forms = Vec::new();
    if text.contains('(') {
        for spelt in initials::spelt_out(text, mentions, not_organisations) {
            match spelt.kind {
                Some(kind) => long_forms.push(Mention {
                    name: tidy(&text[spelt.range.clone()]),
                    range: spelt.range,
                    kind,
                }),
                None => foreign.push(spelt.acronym),
            }
        }
    }
    if !foreign.is_empty() {
        mentions.retain(|m| !foreign.contains(&&text[m.range.clone()]));
    }
    add_disjoint(mentions, long_forms);
    link_definitions(text, mentions);
    initials::follow_named_bodies(text, mentions);
}

/// Links every use of an acronym defined next to a mention.
fn link_definitions(text: &str, mentions: &mut Vec<Mention>) {
    let definitions = definitions(text, mentions);
    if definitions.is_empty() {
        return;
    }
    let mut added = Vec::new();
    for definition in &definitions {
        // A description defined by a known acronym takes the acronym's name.
        if definition.described
            && let Some(known) = mentions
                .iter()
                .find(|m| text[m.range.clone()] == *definition.acronym)
                .map(|m| (m.kind, m.name.clone()))
        {
            for mention in mentions.iter_mut().filter(|m| m.name == definition.name) {
                (mention.kind, mention.name) = known.clone();
            }
            continue;
        }
        for (at, _) in text.match_indices(definition.acronym.as_str()) {
            let range = at..at + definition.acronym.len();
            if !is_word_boundary(text, range.start) || !is_word_boundary(text, range.end) {
                continue;
            }
            match overlapping(mentions, &range) {
                Some(i) if mentions[i].range == range => {
                    mentions[i].kind = definition.kind;
                    mentions[i].name.clone_from(&definition.name);
                }
                Some(_) => {}
                None => added.push(Mention {
                    range,
                    kind: definition.kind,
                    name: definition.name.clone(),
                }),
            }
        }
    }
    add_disjoint(mentions, added);
}

/// Adds the mentions of `added` that overlap none of `mentions` (sorted and
/// non-overlapping, and kept so).
pub(super) fn add_disjoint(mentions: &mut Vec<Mention>, mut added: Vec<Mention>) {
    added.retain(|m| overlapping(mentions, &m.range).is_none());
    if added.is_empty() {
        return;
    }
    mentions.extend(added);
    mentions.sort_by_key(|m| m.range.start);
    mentions.dedup_by(|later, earlier| later.range.start < earlier.range.end);
}

/// The index of the first of `mentions` (sorted, non-overlapping) that
/// overlaps `range`.
fn overlapping(mentions: &[Mention], range: &Range<usize>) -> Option<usize> {
    let i = mentions.partition_point(|m| m.range.end <= range.start);
    (i < mentions.len() && mentions[i].range.start < range.end).then_some(i)
}

fn is_acronym_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '&' | '-' | '.')
}

/// Two to twelve characters, at least two of them capitals, no spaces.
pub(super) fn is_acronym(candidate: &str) -> bool {
    let (mut count, mut capitals) = (0, 0);
    for c in candidate.chars() {
        count += 1;
        // A space, a comma or a thirteenth character ends it at once.
        if count > 12 || !is_acronym_char(c) || (count == 1 && !c.is_uppercase()) {
            return false;
        }
        capitals += usize::from(c.is_uppercase());
    }
    count >= 2 && capitals >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(text: &str, name: &str, kind: Kind) -> Mention {
        let start = text.find(name).unwrap();
        Mention {
            range: start..start + name.len(),
            kind,
            name: name.to_owned(),
        }
    }

    #[test]
    fn long_name_then_acronym_links_later_uses() {
        let text = "the Serious Fraud Directorate (SFD) said. Later the SFD added";
        let mut mentions = vec![mention(text, "Serious Fraud Directorate", Kind::Agency)];
        link(text, &mut mentions, &[]);
        let found: Vec<_> = mentions
            .iter()
            .map(|m| (&text[m.range.clone()], m.name.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("Serious Fraud Directorate", "Serious Fraud Directorate"),
                ("SFD", "Serious Fraud Directorate"),
                ("SFD", "Serious Fraud Directorate")
            ]
        );
    }

    #[test]
    fn acronym_then_long_name_defines_too() {
        let text = "the EFCC (Economic and Financial Crimes Commission) and the EFCC";
        let mentions = vec![mention(
            text,
            "Economic and Financial Crimes Commission",
            Kind::Agency,
        )];
        let defined = definitions(text, &mentions);
        assert_eq!(defined[0].acronym, "EFCC");
    }

    #[test]
    fn the_texts_definition_overrides_a_gazetteer_reading() {
        let text = "Agence Kestrel Presse (AKP) wrote; AKP added";
        let mut mentions = vec![
            mention(text, "Agence Kestrel Presse", Kind::Outlet),
            Mention {
                range: 35..38,
                kind: Kind::Agency,
                name: "Some Agency".to_owned(),
            },
        ];
        link(text, &mut mentions, &[]);
        assert!(mentions.iter().all(|m| m.name == "Agence Kestrel Presse"));
        assert_eq!(mentions.len(), 3);
    }

    #[test]
    fn a_description_takes_the_name_of_a_known_acronym() {
        let text = "British electronic intelligence services (GCHQ) said";
        let mut mentions = vec![
            mention(
                text,
                "British electronic intelligence services",
                Kind::Agency,
            ),
            Mention {
                range: 42..46,
                kind: Kind::Agency,
                name: "Government Communications Headquarters".to_owned(),
            },
        ];
        link(text, &mut mentions, &[]);
        assert!(
            mentions
                .iter()
                .all(|m| m.name == "Government Communications Headquarters")
        );
    }

    #[test]
    fn a_multibyte_character_before_the_parenthesis_is_no_problem() {
        // Found by the property test: "’ (" before a name in parentheses.
        let text = "Europol’ (Europol) said";
        let inner = Mention {
            range: 12..19,
            kind: Kind::Agency,
            name: "Europol".to_owned(),
        };
        assert_eq!(&text[inner.range.clone()], "Europol");
        assert!(definitions(text, &[inner]).is_empty());
    }

    #[test]
    fn a_dateline_defines_nothing() {
        let text = "SEOUL (Yonhap) - The launch came";
        let mentions = vec![mention(text, "Yonhap", Kind::Outlet)];
        assert!(definitions(text, &mentions).is_empty());
        let text = "WASHINGTON (Associated Press) - The vote";
        let mentions = vec![mention(text, "Associated Press", Kind::Outlet)];
        assert!(definitions(text, &mentions).is_empty());
        let text = "said NAN (News Agency of Nigeria) and";
        let mentions = vec![mention(text, "News Agency of Nigeria", Kind::Outlet)];
        assert_eq!(definitions(text, &mentions).len(), 1);
    }

    #[test]
    fn acronyms_are_two_to_twelve_characters_with_two_capitals() {
        for yes in [
            "GCHQ", "AP", "ČTK", "PML-N", "U.S.", "CERT.be", "DoJ", "SpA",
        ] {
            assert!(is_acronym(yes), "{yes}");
        }
        for no in ["Europol", "A", "ap", "ABCDEFGHIJKLM", "A B", "Ap", "aBC"] {
            assert!(!is_acronym(no), "{no}");
        }
    }

    #[test]
    fn parentheses_that_are_not_acronyms_define_nothing() {
        let text = "the Directorate (in Rome) and the Directorate (2019)";
        let mentions = vec![mention(text, "Directorate", Kind::Agency)];
        assert!(definitions(text, &mentions).is_empty());
    }

    #[test]
    fn acronyms_need_word_boundaries() {
        let text = "the Ministry of Coast (MOC) and MOCK";
        let mut mentions = vec![mention(text, "Ministry of Coast", Kind::Agency)];
        link(text, &mut mentions, &[]);
        assert_eq!(mentions.len(), 2);
    }
}
