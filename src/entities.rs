//! Recognition of the agencies and outlets an article names.
//!
//! The [`Recogniser`] finds candidate names two ways: every alias of the
//! [`Gazetteer`] (one Aho-Corasick pass over the text) and a few rules that
//! read organisation names off the text itself ("Roswell Gazette", "Dutch
//! Police"). Candidates are checked for word boundaries and case, then the
//! leftmost-longest non-overlapping set is kept. Output is plain data: byte
//! ranges into the text as given, a kind and a canonical name.

pub mod gazetteer;
mod rules;

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::{Deserialize, Serialize};

pub use gazetteer::{Alias, CaseRule, Gazetteer, GazetteerError, Organisation};

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
    named.sort_by(|a, b| {
        (a.kind, std::cmp::Reverse(a.count), &a.name).cmp(&(
            b.kind,
            std::cmp::Reverse(b.count),
            &b.name,
        ))
    });
    named
}

/// Why a recogniser could not be built.
#[derive(Debug, thiserror::Error)]
pub enum RecogniserError {
    /// The gazetteer file is malformed.
    #[error(transparent)]
    Gazetteer(#[from] GazetteerError),
    /// The names are too many for the matcher.
    #[error("gazetteer too large to search: {0}")]
    Build(#[from] aho_corasick::BuildError),
}

/// Finds organisation names in text.
///
/// ```
/// use newsdesk::entities::{Gazetteer, Kind, Recogniser};
/// let gazetteer = Gazetteer::parse(
///     "example",
///     r#"{"organisations": [{"name": "Europol", "kind": "agency"}]}"#,
/// )?;
/// let text = "Europol's statement, as reported by the Roswell Gazette";
/// let mentions = Recogniser::new(gazetteer)?.recognise(text);
/// assert_eq!(&text[mentions[0].range.clone()], "Europol");
/// assert_eq!((mentions[1].kind, mentions[1].name.as_str()), (Kind::Outlet, "Roswell Gazette"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Recogniser {
    organisations: Vec<Organisation>,
    /// One entry per automaton pattern: (organisation index, alias index).
    patterns: Vec<(usize, usize)>,
    automaton: AhoCorasick,
}

impl Recogniser {
    /// A recogniser over the built-in gazetteer.
    pub fn builtin() -> Result<Self, RecogniserError> {
        Ok(Self::new(Gazetteer::builtin()?)?)
    }

    /// A recogniser over `gazetteer`.
    pub fn new(gazetteer: Gazetteer) -> Result<Self, aho_corasick::BuildError> {
        let organisations = gazetteer.organisations;
        let mut patterns = Vec::new();
        let mut texts = Vec::new();
        for (org, organisation) in organisations.iter().enumerate() {
            for (alias, entry) in organisation.aliases.iter().enumerate() {
                patterns.push((org, alias));
                texts.push(entry.text.as_str());
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&texts)?;
        Ok(Self {
            organisations,
            patterns,
            automaton,
        })
    }

    /// The organisations this recogniser knows by name.
    pub fn organisations(&self) -> &[Organisation] {
        &self.organisations
    }

    /// Every mention in `text`, sorted by position, none overlapping.
    pub fn recognise(&self, text: &str) -> Vec<Mention> {
        let mut candidates: Vec<Candidate> = self
            .automaton
            .find_overlapping_iter(text)
            .filter_map(|found| {
                let (org, alias) = self.patterns[found.pattern().as_usize()];
                let organisation = &self.organisations[org];
                let alias = &organisation.aliases[alias];
                let range = found.range();
                (alias.case.accepts(&alias.text, &text[range.clone()])
                    && is_word_boundary(text, range.start)
                    && is_word_boundary(text, range.end))
                .then(|| Candidate {
                    range,
                    kind: organisation.kind,
                    name: organisation.name.as_str().into(),
                    from_rule: false,
                })
            })
            .collect();
        candidates.extend(rules::find(text).into_iter().map(|found| Candidate {
            name: normalise_space(&text[found.range.clone()]).into(),
            range: found.range,
            kind: found.kind,
            from_rule: true,
        }));
        leftmost_longest(candidates)
    }
}

struct Candidate {
    range: Range<usize>,
    kind: Kind,
    name: Box<str>,
    from_rule: bool,
}

/// Keeps the leftmost, then longest, candidates that do not overlap; on a tie
/// the gazetteer's reading wins over a rule's.
fn leftmost_longest(mut candidates: Vec<Candidate>) -> Vec<Mention> {
    candidates.sort_by_key(|c| (c.range.start, std::cmp::Reverse(c.range.end), c.from_rule));
    let mut mentions: Vec<Mention> = Vec::new();
    for candidate in candidates {
        if mentions
            .last()
            .is_some_and(|last| last.range.end > candidate.range.start)
        {
            continue;
        }
        mentions.push(Mention {
            range: candidate.range,
            kind: candidate.kind,
            name: candidate.name.into(),
        });
    }
    mentions
}

/// Whether a name may start or end at byte `at`: not inside a word.
fn is_word_boundary(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    !matches!((before, after), (Some(b), Some(a)) if is_word_char(b) && is_word_char(a))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn normalise_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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
        .unwrap()
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
}
