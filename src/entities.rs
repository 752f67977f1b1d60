//! Recognition of the agencies and outlets an article names.
//!
//! The [`Recogniser`] finds candidate names two ways: every alias of the
//! [`Gazetteer`] (looked up from each word start, checked for word
//! boundaries and case) and rules that read names off the text itself ("Roswell Gazette",
//! "Dutch police", "the news agency Bernama"). The leftmost-longest
//! non-overlapping candidates are kept; ambiguous names ("Mirror", "the
//! Met") stay only where the text supports them; acronyms defined in the
//! text ("… Headquarters (GCHQ)") link later uses to the long name; and
//! variants of one organisation share one canonical name. Output is plain
//! data: byte ranges into the text as given, a kind and a canonical name.

mod acronym_context;
mod acronyms;
mod canonical;
mod context;
pub mod gazetteer;
mod hash;
mod initials;
mod labels;
pub(crate) mod lexicon;
mod matcher;
pub mod not_organisations;
mod recogniser;
mod rules;
pub mod score;
mod short_forms;
mod tokens;

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::ops::Range;

use serde::{Deserialize, Serialize};

pub use gazetteer::{Alias, CaseRule, Gazetteer, GazetteerError, Organisation};
pub use hash::WordHash;
pub use recogniser::{Recogniser, RecogniserError};

/// What an organisation does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A public authority or official body: police, prosecutors, intelligence
    /// services, ministries, courts, regulators, international bodies.
    Agency,
    /// An organisation that publishes or broadcasts: agencies, papers,
    /// broadcasters, radio, news sites, platforms, propaganda media.
    Outlet,
}

impl Kind {
    /// The kind's name in the singular, lower case.
    pub fn label(self) -> &'static str {
        match self {
            Self::Agency => "agency",
            Self::Outlet => "outlet",
        }
    }

    /// The heading for a group of this kind.
    pub fn plural_title(self) -> &'static str {
        match self {
            Self::Agency => "Agencies",
            Self::Outlet => "Outlets",
        }
    }
}

/// One place where an organisation is named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range of the name in the text (without a possessive "'s").
    pub range: Range<usize>,
    /// Agency or outlet.
    pub kind: Kind,
    /// Canonical name, shared by every variant of the organisation.
    pub name: String,
}

/// One organisation named in a text, with how often and where first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// Canonical name.
    pub name: String,
    /// Agency or outlet.
    pub kind: Kind,
    /// Number of mentions.
    pub count: usize,
    /// Byte offset of the first mention.
    pub first: usize,
}

/// Groups mentions by organisation: agencies first, then outlets; within a
/// kind, most mentioned first, then by name.
pub fn summarise(mentions: &[Mention]) -> Vec<Named> {
    let mut named: Vec<Named> = Vec::new();
    // Where each organisation's entry is: a long article can name many
    // thousand, and its text is untrusted, hence the per-process seed.
    let mut entries: HashMap<(&str, Kind), usize, foldhash::fast::RandomState> = HashMap::default();
    for mention in mentions {
        match entries.entry((mention.name.as_str(), mention.kind)) {
            Entry::Occupied(entry) => named[*entry.get()].count += 1,
            Entry::Vacant(entry) => {
                entry.insert(named.len());
                named.push(Named {
                    name: mention.name.clone(),
                    kind: mention.kind,
                    count: 1,
                    first: mention.range.start,
                });
            }
        }
    }
    in_summary_order(&mut named);
    named
}

/// Agencies first, then outlets; within a kind, most mentioned first, then
/// by name.
fn in_summary_order(named: &mut [Named]) {
    named.sort_by(|a, b| {
        (a.kind, std::cmp::Reverse(a.count), &a.name).cmp(&(
            b.kind,
            std::cmp::Reverse(b.count),
            &b.name,
        ))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recogniser() -> Recogniser {
        Recogniser::new(
            Gazetteer::parse(
                "test",
                r#"{"organisations":[
                    {"name":"Europol","kind":"agency"},
                    {"name":"Associated Press","kind":"outlet","aliases":["AP"]},
                    {"name":"Amaq News Agency","kind":"outlet","aliases":["Amaq"]},
                    {"name":"Al-Bayan Radio","kind":"outlet","aliases":["al-Bayan"]},
                    {"name":"Vice Media","kind":"outlet","aliases":["VICE"]}
                ]}"#,
            )
            .unwrap(),
        )
    }

    fn found(text: &str) -> Vec<(&str, &str, Kind)> {
        recogniser()
            .recognise(text)
            .into_iter()
            .map(|m| {
                let name: &str = Box::leak(m.name.into_boxed_str());
                (&text[m.range], name, m.kind)
            })
            .collect()
    }

    #[test]
    fn possessive_is_left_out_of_the_span() {
        assert_eq!(
            found("Europol's statement and Europol’s reply"),
            [
                ("Europol", "Europol", Kind::Agency),
                ("Europol", "Europol", Kind::Agency)
            ]
        );
    }

    #[test]
    fn acronyms_match_only_as_written_and_on_word_boundaries() {
        assert_eq!(
            found("AP reported"),
            [("AP", "Associated Press", Kind::Outlet)]
        );
        assert!(found("an apple, a map, Ap, APPLE").is_empty());
        assert!(found("the vice president").is_empty());
        assert_eq!(found("a VICE documentary").len(), 1);
    }

    #[test]
    fn capitalised_names_need_their_capital() {
        assert_eq!(found("EUROPOL said").len(), 1);
        assert!(found("europol said").is_empty());
    }

    #[test]
    fn longest_alias_wins_at_the_same_place() {
        assert_eq!(
            found("the Amaq News Agency claimed, then Amaq repeated it"),
            [
                ("Amaq News Agency", "Amaq News Agency", Kind::Outlet),
                ("Amaq", "Amaq News Agency", Kind::Outlet)
            ]
        );
    }

    #[test]
    fn lowercase_initial_alias_matches_either_case() {
        assert_eq!(found("al-Bayan radio and Al-Bayan").len(), 2);
    }

    #[test]
    fn rule_names_join_gazetteer_names() {
        assert_eq!(
            found("a reporter for Roswell Gazette and for AP"),
            [
                ("Roswell Gazette", "Roswell Gazette", Kind::Outlet),
                ("AP", "Associated Press", Kind::Outlet)
            ]
        );
    }

    #[test]
    fn summary_groups_by_kind_then_count() {
        let mentions = recogniser().recognise("AP, Europol, Amaq, AP, Amaq News Agency, AP");
        let summary: Vec<_> = summarise(&mentions)
            .into_iter()
            .map(|n| (n.name, n.count, n.first))
            .collect();
        assert_eq!(
            summary,
            [
                ("Europol".to_owned(), 1, 4),
                ("Associated Press".to_owned(), 3, 0),
                ("Amaq News Agency".to_owned(), 2, 13)
            ]
        );
    }

    fn with_mirror() -> Recogniser {
        Recogniser::new(
            Gazetteer::parse(
                "test",
                r#"{"organisations":[{"name":"Daily Mirror","kind":"outlet","aliases":[
                    {"text":"Mirror","case":"exact","context":true}, "Sunday Mirror"]}]}"#,
            )
            .unwrap(),
        )
    }

    #[test]
    fn an_ambiguous_name_counts_where_the_organisation_is_named_plainly() {
        let names = |text: &str| with_mirror().recognise(text).len();
        assert_eq!(names("She looked in the Mirror and left."), 0);
        assert_eq!(
            names("The Sunday Mirror ran it; the Mirror stood by it."),
            2
        );
    }

    #[test]
    fn one_supported_use_of_an_ambiguous_name_supports_the_others() {
        let names = |text: &str| with_mirror().recognise(text).len();
        assert_eq!(
            names("The Mirror reported it on Sunday, as it had promised. Mirror staff left."),
            2
        );
        assert_eq!(names("Mirror staff left. Mirror glass broke."), 0);
    }

    #[test]
    fn a_known_name_joined_by_and_is_not_part_of_a_longer_one() {
        assert_eq!(
            found("said Amaq News Agency and Kestrel Radio"),
            [
                ("Amaq News Agency", "Amaq News Agency", Kind::Outlet),
                ("Kestrel Radio", "Kestrel Radio", Kind::Outlet)
            ]
        );
        assert_eq!(
            found("the Economic and Financial Crimes Commission"),
            [(
                "Economic and Financial Crimes Commission",
                "Economic and Financial Crimes Commission",
                Kind::Agency
            )]
        );
    }

    #[test]
    fn laws_named_after_a_body_are_not_the_body() {
        assert!(found("the Roswell Gazette Act passed").is_empty());
        assert_eq!(found("the Roswell Gazette reported").len(), 1);
    }

    #[test]
    fn variants_of_a_rule_name_share_the_first_form() {
        assert_eq!(
            found("Dutch police raided it. Later Dutch Police said so."),
            [
                ("Dutch police", "Dutch police", Kind::Agency),
                ("Dutch Police", "Dutch police", Kind::Agency)
            ]
        );
    }

    fn with_sports() -> Recogniser {
        Recogniser::new(
            Gazetteer::parse(
                "test",
                r#"{"organisations":[
                    {"name":"Sky Sports","kind":"outlet"},
                    {"name":"International Criminal Court","kind":"agency","aliases":["ICC"]},
                    {"name":"LaLiga TV","kind":"outlet","aliases":[
                        {"text":"LaLiga TV","case":"exact","context":true}]}
                ]}"#,
            )
            .unwrap(),
        )
    }

    fn names_with_sports(text: &str) -> Vec<&str> {
        with_sports()
            .recognise(text)
            .into_iter()
            .map(|m| &text[m.range])
            .collect()
    }

    #[test]
    fn sports_bodies_and_competitions_are_no_organisations() {
        assert_eq!(
            names_with_sports(
                "Sky Sports will show the UEFA Champions League and the Premier League."
            ),
            ["Sky Sports"]
        );
        assert!(names_with_sports("FIFA and the IOC met the Athletics Integrity Unit.").is_empty());
        assert_eq!(
            names_with_sports("the Kestrel Integrity Unit said"),
            ["Kestrel Integrity Unit"],
            "the same head after other words is still a body"
        );
    }

    #[test]
    fn a_channel_named_after_a_league_needs_to_be_spoken_of_as_one() {
        assert!(names_with_sports("LaLiga TV figures rose as LaLiga grew.").is_empty());
        assert!(names_with_sports("the Bundesliga TV package").is_empty());
        assert_eq!(
            names_with_sports("LaLiga TV, the channel, aired it"),
            ["LaLiga TV"]
        );
        assert_eq!(names_with_sports("the Kestrel TV package"), ["Kestrel TV"]);
    }

    #[test]
    fn an_acronym_given_to_a_sports_body_is_no_mention() {
        assert!(
            names_with_sports("The International Cricket Council (ICC) met. The ICC fined him.")
                .is_empty()
        );
        assert_eq!(names_with_sports("The ICC issued a warrant."), ["ICC"]);
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;
        use std::sync::OnceLock;

        /// [`summarise`] with each mention looked for among the entries.
        fn summarise_naively(mentions: &[Mention]) -> Vec<Named> {
            let mut named: Vec<Named> = Vec::new();
            for mention in mentions {
                match named
                    .iter_mut()
                    .find(|n| n.name == mention.name && n.kind == mention.kind)
                {
                    Some(entry) => entry.count += 1,
                    None => named.push(Named {
                        name: mention.name.clone(),
                        kind: mention.kind,
                        count: 1,
                        first: mention.range.start,
                    }),
                }
            }
            in_summary_order(&mut named);
            named
        }

        proptest! {
            #[test]
            fn the_summary_is_what_a_search_of_the_entries_makes(
                found in proptest::collection::vec((0..6usize, any::<bool>()), 0..40)
            ) {
                let mentions: Vec<Mention> = found
                    .into_iter()
                    .enumerate()
                    .map(|(at, (name, outlet))| Mention {
                        range: at * 2..at * 2 + 1,
                        kind: if outlet { Kind::Outlet } else { Kind::Agency },
                        name: format!("Kestrel {name}"),
                    })
                    .collect();
                prop_assert_eq!(summarise(&mentions), summarise_naively(&mentions));
            }
        }

        fn builtin() -> &'static Recogniser {
            static RECOGNISER: OnceLock<Recogniser> = OnceLock::new();
            RECOGNISER.get_or_init(|| Recogniser::builtin().unwrap())
        }

        /// Text made of organisation names, ordinary and capitalised words,
        /// punctuation, acronym definitions and non-ASCII pieces.
        fn newsish() -> impl Strategy<Value = String> {
            let piece = prop_oneof![
                Just("Europol".to_owned()),
                Just("Europol’s".to_owned()),
                Just("the Belgian federal prosecutor".to_owned()),
                Just("Amaq News Agency".to_owned()),
                Just("Roswell Gazette".to_owned()),
                Just("Dutch police".to_owned()),
                Just("(GCHQ)".to_owned()),
                Just("Ministry of".to_owned()),
                Just("Halumu and Nashir news sites".to_owned()),
                Just("the news agency".to_owned()),
                Just(", a".to_owned()),
                Just("AP".to_owned()),
                Just("Mirror".to_owned()),
                Just("the Commission".to_owned()),
                Just("日本".to_owned()),
                Just("é".to_owned()),
                Just("👩‍💻".to_owned()),
                Just("\n\n".to_owned()),
                Just(". ".to_owned()),
                "[A-Z][a-z]{0,8}",
                "[a-z]{1,8}",
                "[ -~]{0,4}",
            ];
            proptest::collection::vec(piece, 0..40).prop_map(|pieces| pieces.join(" "))
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(200))]

            #[test]
            fn mentions_are_sorted_disjoint_and_on_char_boundaries(text in newsish()) {
                let mentions = builtin().recognise(&text);
                for pair in mentions.windows(2) {
                    prop_assert!(pair[0].range.end <= pair[1].range.start, "{:?}", pair);
                }
                for mention in &mentions {
                    prop_assert!(mention.range.start < mention.range.end);
                    let surface = text.get(mention.range.clone());
                    prop_assert!(surface.is_some(), "splits a character: {:?}", mention);
                    prop_assert!(!surface.unwrap_or_default().ends_with("'s"));
                    prop_assert!(!mention.name.is_empty());
                }
            }

            #[test]
            fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
                let mentions = builtin().recognise(&text);
                for mention in &mentions {
                    prop_assert!(text.get(mention.range.clone()).is_some());
                }
            }
        }
    }

    #[test]
    fn a_glued_use_of_an_ambiguous_name_is_not_supported_by_another_use() {
        let names = |text: &str| with_mirror().recognise(text).len();
        assert_eq!(
            names(
                "The Mirror reported it on Sunday, as it had promised. Mirror Group shares fell."
            ),
            1
        );
    }

    #[test]
    fn a_known_name_after_and_is_not_part_of_a_longer_one() {
        assert_eq!(
            found("said Kestrel Radio and Amaq News Agency"),
            [
                ("Kestrel Radio", "Kestrel Radio", Kind::Outlet),
                ("Amaq News Agency", "Amaq News Agency", Kind::Outlet)
            ]
        );
    }

    #[test]
    fn an_ambiguous_name_counts_where_a_rule_reads_the_same_words_as_its_kind() {
        let names = |text: &str| with_mirror().recognise(text).len();
        assert_eq!(
            names("said the newsletter Mirror.\n\nShe looked in the Mirror and left."),
            2
        );
        assert_eq!(names("She looked in the Mirror and left."), 0);
    }

    #[test]
    fn a_cue_does_not_support_an_ambiguous_name_glued_to_another_capital() {
        let names = |text: &str| with_mirror().recognise(text).len();
        assert_eq!(names("the Mirror told reporters"), 1);
        assert_eq!(names("the singer Kestrel Mirror told reporters"), 0);
    }
}
