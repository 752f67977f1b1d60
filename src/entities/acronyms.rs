//! Acronyms defined in the text: "Government Communications Headquarters
//! (GCHQ)" makes every later "GCHQ" a mention of the same organisation,
//! even where the gazetteer gives those letters to another body.
//!
//! A long article may define thousands of acronyms, and its text is
//! untrusted: the uses of many acronyms are found in one pass over the
//! text, a parenthesis is read no further than an acronym can run, and the
//! definitions take effect in order on groups of mentions ([`Labels`])
//! rather than on every mention each time.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use foldhash::fast::RandomState;

use super::canonical::tidy;
use super::labels::Labels;
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
    let acronym = if let Some(inside) = after.strip_prefix(" (").and_then(parenthesised) {
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

/// The text before the first ")" of `rest`, if no more than twelve
/// characters come before it: an acronym has no more ([`is_acronym`]), so
/// the search stops there rather than run to the end of a long text from
/// every parenthesis.
pub(super) fn parenthesised(rest: &str) -> Option<&str> {
    rest.char_indices()
        .take(MAX_ACRONYM_CHARS + 1)
        .find(|&(_, c)| c == ')')
        .map(|(at, _)| &rest[..at])
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
    // A set: a long article may give letters to many thousand bodies.
    let mut foreign: HashSet<&str, RandomState> = not_organisations
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
                None => {
                    foreign.insert(spelt.acronym);
                }
            }
        }
    }
    if !foreign.is_empty() {
        mentions.retain(|m| !foreign.contains(&text[m.range.clone()]));
    }
    add_disjoint(mentions, long_forms);
    link_definitions(text, mentions);
    initials::follow_named_bodies(text, mentions);
}

/// Links every use of an acronym defined next to a mention. The
/// definitions take effect in the order the text gives them: a later
/// definition of the same letters renames their mentions again, and a
/// description renames the mentions of its name to what its acronym is
/// called at that point ([`Labels`]). A use that no mention covers becomes
/// one, named by the first definition of its letters.
fn link_definitions(text: &str, mentions: &mut Vec<Mention>) {
    let definitions = definitions(text, mentions);
    if definitions.is_empty() {
        return;
    }
    // Each acronym once, in the order first defined.
    let mut acronyms: Vec<&str> = Vec::new();
    let mut index: HashMap<&str, usize, RandomState> = HashMap::default();
    let defined: Vec<usize> = definitions
        .iter()
        .map(|definition| {
            *index.entry(definition.acronym.as_str()).or_insert_with(|| {
                acronyms.push(definition.acronym.as_str());
                acronyms.len() - 1
            })
        })
        .collect();
    let uses = uses(text, &acronyms);
    // The first mention written as each acronym: a description defined by
    // a known acronym takes its name.
    let mut first_written: Vec<Option<usize>> = vec![None; acronyms.len()];
    for (at, mention) in mentions.iter().enumerate() {
        if let Some(&acronym) = index.get(&text[mention.range.clone()]) {
            first_written[acronym].get_or_insert(at);
        }
    }
    let mut labels = Labels::new(mentions, acronyms.len());
    let mut added = Vec::new();
    let mut uses_added = vec![false; acronyms.len()];
    for (definition, &acronym) in definitions.iter().zip(&defined) {
        if definition.described
            && let Some(known) = first_written[acronym]
        {
            labels.rename(&definition.name, known);
            continue;
        }
        let written = || {
            uses[acronym]
                .iter()
                .filter_map(|range| {
                    overlapping(mentions, range).filter(|&at| mentions[at].range == *range)
                })
                .collect()
        };
        labels.assign(acronym, written, definition.kind, &definition.name);
        // A later definition of the same letters would offer the same
        // ranges again, and `add_disjoint` keeps the first offered.
        if !std::mem::replace(&mut uses_added[acronym], true) {
            added.extend(
                uses[acronym]
                    .iter()
                    .filter(|range| overlapping(mentions, range).is_none())
                    .map(|range| Mention {
                        range: range.clone(),
                        kind: definition.kind,
                        name: definition.name.clone(),
                    }),
            );
        }
    }
    for (at, kind, name) in labels.changed(mentions) {
        mentions[at].kind = kind;
        mentions[at].name = name;
    }
    add_disjoint(mentions, added);
}

/// How many acronyms [`uses`] looks for one at a time.
const SOUGHT_ONE_BY_ONE: usize = 8;

/// Where each of `acronyms` is used in `text`, on word boundaries: as
/// [`str::match_indices`] finds them, from the left, no use overlapping the
/// one found before it. A few acronyms are looked for one by one; many are
/// looked up together at every capital, as each begins with one, so that a
/// text defining thousands is read once.
fn uses(text: &str, acronyms: &[&str]) -> Vec<Vec<Range<usize>>> {
    let mut found = if acronyms.len() <= SOUGHT_ONE_BY_ONE {
        uses_one_by_one(text, acronyms)
    } else {
        uses_together(text, acronyms)
    };
    for uses in &mut found {
        uses.retain(|range| {
            is_word_boundary(text, range.start) && is_word_boundary(text, range.end)
        });
    }
    found
}

/// Each acronym's uses as [`str::match_indices`] finds them.
fn uses_one_by_one(text: &str, acronyms: &[&str]) -> Vec<Vec<Range<usize>>> {
    acronyms
        .iter()
        .map(|acronym| {
            text.match_indices(acronym)
                .map(|(at, _)| at..at + acronym.len())
                .collect()
        })
        .collect()
}

/// The same uses, from one pass that looks each length of acronym up at
/// every capital.
fn uses_together(text: &str, acronyms: &[&str]) -> Vec<Vec<Range<usize>>> {
    let mut found: Vec<Vec<Range<usize>>> = vec![Vec::new(); acronyms.len()];
    let index: HashMap<&str, usize, RandomState> = acronyms
        .iter()
        .enumerate()
        .map(|(at, acronym)| (*acronym, at))
        .collect();
    let mut lengths: Vec<usize> = acronyms.iter().map(|a| a.len()).collect();
    lengths.sort_unstable();
    lengths.dedup();
    // Where the last use of each acronym ends: the next may not start
    // before.
    let mut free_from = vec![0; acronyms.len()];
    for (at, c) in text.char_indices() {
        if !c.is_uppercase() {
            continue;
        }
        for &len in &lengths {
            if let Some(&acronym) = text.get(at..at + len).and_then(|word| index.get(word))
                && at >= free_from[acronym]
            {
                free_from[acronym] = at + len;
                found[acronym].push(at..at + len);
            }
        }
    }
    found
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

/// The most characters an acronym has.
const MAX_ACRONYM_CHARS: usize = 12;

/// Two to twelve characters, at least two of them capitals, no spaces.
pub(super) fn is_acronym(candidate: &str) -> bool {
    let (mut count, mut capitals) = (0, 0);
    for c in candidate.chars() {
        count += 1;
        // A space, a comma or a thirteenth character ends it at once.
        if count > MAX_ACRONYM_CHARS || !is_acronym_char(c) || (count == 1 && !c.is_uppercase()) {
            return false;
        }
        capitals += usize::from(c.is_uppercase());
    }
    count >= 2 && capitals >= 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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
    fn a_parenthesis_is_read_no_further_than_an_acronym_can_run() {
        assert_eq!(parenthesised("ABCDEFGHIJKL) said"), Some("ABCDEFGHIJKL"));
        assert_eq!(parenthesised("ČTK) said"), Some("ČTK"));
        assert_eq!(parenthesised("ABCDEFGHIJKLM) said"), None);
        assert_eq!(parenthesised("GCHQ said"), None);
        let text = "the Serious Fraud Directorate (SFD and a long aside) said";
        let mentions = vec![mention(text, "Serious Fraud Directorate", Kind::Agency)];
        assert!(definitions(text, &mentions).is_empty());
    }

    #[test]
    fn parentheses_that_are_not_acronyms_define_nothing() {
        let text = "the Directorate (in Rome) and the Directorate (2019)";
        let mentions = vec![mention(text, "Directorate", Kind::Agency)];
        assert!(definitions(text, &mentions).is_empty());
    }

    /// The definitions applied one after another to the mentions
    /// themselves, each use found by a scan of the whole text: what
    /// [`link_definitions`] must do.
    fn link_definitions_naively(text: &str, mentions: &mut Vec<Mention>) {
        let definitions = definitions(text, mentions);
        let mut added = Vec::new();
        for definition in &definitions {
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

    /// Letters that overlap themselves ("ABA", "A-A"), contain one another
    /// ("KP", "KPS") or hold no letter that is a capital but the first.
    const LETTERS: &[&str] = &[
        "AA", "ABA", "A-A", "AB", "KP", "KPS", "U.S.", "U.S", "ÉTK", "DoJ", "SpA", "NB", "NBN",
        "PML-N", "ZZ", "QR",
    ];

    /// A piece of text, with the mentions in it as (offset, length, kind,
    /// name).
    type Piece = (String, Vec<(usize, usize, Kind, String)>);

    fn pieces() -> impl Strategy<Value = Piece> {
        let letters = proptest::sample::select(LETTERS);
        let kind = prop_oneof![Just(Kind::Agency), Just(Kind::Outlet)];
        let name = proptest::sample::select(&["Kestrel Office", "Heron Times", "KP", "AB"][..]);
        let long = proptest::sample::select(
            &[
                "Kestrel Office",
                "Heron Times",
                "Kestrel police",
                "Heron daily",
            ][..],
        );
        prop_oneof![
            // "Long Form (ACR)", the long form a mention.
            (long.clone(), letters.clone(), kind.clone(), name.clone()).prop_map(
                |(long, letters, kind, name)| {
                    (
                        format!("{long} ({letters})"),
                        vec![(0, long.len(), kind, name.to_owned())],
                    )
                }
            ),
            // "ACR (Long Form)".
            (long, letters.clone(), kind.clone(), name.clone()).prop_map(
                |(long, letters, kind, name)| {
                    let at = letters.len() + 2;
                    (
                        format!("{letters} ({long})"),
                        vec![(at, long.len(), kind, name.to_owned())],
                    )
                }
            ),
            // A use the gazetteer found, or one nobody did.
            (letters.clone(), kind, name).prop_map(|(letters, kind, name)| {
                (
                    letters.to_owned(),
                    vec![(0, letters.len(), kind, name.to_owned())],
                )
            }),
            letters.prop_map(|letters| (letters.to_owned(), Vec::new())),
            proptest::sample::select(&["said", "-", "x", "A", "A-", "(", ")", "S."][..])
                .prop_map(|word| (word.to_owned(), Vec::new())),
        ]
    }

    /// Pieces joined by spaces or by nothing, and their mentions.
    fn article() -> impl Strategy<Value = (String, Vec<Mention>)> {
        proptest::collection::vec((pieces(), any::<bool>()), 0..24).prop_map(|pieces| {
            let mut text = String::new();
            let mut mentions = Vec::new();
            for ((piece, found), spaced) in pieces {
                if spaced && !text.is_empty() {
                    text.push(' ');
                }
                let at = text.len();
                text.push_str(&piece);
                for (offset, len, kind, name) in found {
                    mentions.push(Mention {
                        range: at + offset..at + offset + len,
                        kind,
                        name,
                    });
                }
            }
            // Pieces run together may make mentions touch one another.
            mentions.dedup_by(|later, earlier| later.range.start < earlier.range.end);
            (text, mentions)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn definitions_link_as_when_applied_one_after_another((text, mentions) in article()) {
            let mut fast = mentions.clone();
            link_definitions(&text, &mut fast);
            let mut naive = mentions;
            link_definitions_naively(&text, &mut naive);
            prop_assert_eq!(fast, naive, "{}", text);
        }

        #[test]
        fn uses_found_together_are_those_found_one_by_one(
            (text, _) in article(),
            wanted in proptest::sample::subsequence(LETTERS, 1..LETTERS.len()),
        ) {
            prop_assert_eq!(uses_together(&text, &wanted), uses_one_by_one(&text, &wanted));
        }
    }

    #[test]
    fn acronyms_need_word_boundaries() {
        let text = "the Ministry of Coast (MOC) and MOCK";
        let mut mentions = vec![mention(text, "Ministry of Coast", Kind::Agency)];
        link(text, &mut mentions, &[]);
        assert_eq!(mentions.len(), 2);
    }

    /// The mentions of `acronym` in `text`, each read as `name`, an outlet.
    fn read_as_outlet(text: &str, acronym: &str, name: &str) -> Vec<Mention> {
        text.match_indices(acronym)
            .map(|(at, _)| Mention {
                range: at..at + acronym.len(),
                kind: Kind::Outlet,
                name: name.to_owned(),
            })
            .collect()
    }

    #[test]
    fn a_long_form_spelt_out_as_a_body_gives_its_acronym_that_body() {
        let text = "the Agência Nacional do Petróleo (ANP) fined it. ANP said";
        let mut mentions = read_as_outlet(text, "ANP", "Kestrel Persbureau");
        link(text, &mut mentions, &[]);
        let found: Vec<_> = mentions
            .iter()
            .map(|m| (&text[m.range.clone()], m.kind, m.name.as_str()))
            .collect();
        let name = "Agência Nacional do Petróleo";
        assert_eq!(
            found,
            [
                (name, Kind::Agency, name),
                ("ANP", Kind::Agency, name),
                ("ANP", Kind::Agency, name)
            ]
        );
    }

    #[test]
    fn an_acronym_spelt_out_as_no_body_is_no_mention() {
        let text = "supporters of Pakistan Tehreek-e-Insaf (PTI) marched. PTI said";
        let mut mentions = read_as_outlet(text, "PTI", "Kestrel Press Trust");
        assert_eq!(mentions.len(), 2);
        link(text, &mut mentions, &[]);
        assert!(mentions.is_empty(), "{mentions:?}");
    }

    #[test]
    fn a_long_form_must_close_the_parenthesis_after_an_acronym() {
        let text = "talks in the UK (Kestrel Fraud Commission staff attended) ended";
        let mentions = vec![mention(text, "Kestrel Fraud Commission", Kind::Agency)];
        assert!(definitions(text, &mentions).is_empty());
        let text = "talks with the KFC (Kestrel Fraud Commission) ended";
        let mentions = vec![mention(text, "Kestrel Fraud Commission", Kind::Agency)];
        assert_eq!(definitions(text, &mentions)[0].acronym, "KFC");
    }
}
