//! The recogniser: gazetteer hits and rule matches in, mentions out.

use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::ops::Range;

use foldhash::fast::RandomState;

use super::canonical::{Canon, tidy};
use super::matcher::Matcher;
use super::tokens::Tokens;
use super::{
    Gazetteer, GazetteerError, Kind, Mention, Organisation, acronym_context, acronyms,
    not_organisations, rules, short_forms,
};

mod support;

/// Why a recogniser could not be built.
#[derive(Debug, thiserror::Error)]
pub enum RecogniserError {
    /// The gazetteer file is malformed.
    #[error(transparent)]
    Gazetteer(#[from] GazetteerError),
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
/// let mentions = Recogniser::new(gazetteer).recognise(text);
/// assert_eq!(&text[mentions[0].range.clone()], "Europol");
/// assert_eq!((mentions[1].kind, mentions[1].name.as_str()), (Kind::Outlet, "Roswell Gazette"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Recogniser {
    /// The gazetteer's organisations, then the names of things that are
    /// neither agencies nor outlets ([`not_organisations`]), so that one
    /// pass of the matcher finds both.
    organisations: Vec<Organisation>,
    /// How many of `organisations` are organisations.
    known: usize,
    matcher: Matcher,
    canon: Canon,
}

/// Where a candidate comes from, in the order that wins a tie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Source {
    /// A listed non-organisation: it hides what it covers.
    NotOrganisation,
    /// A gazetteer alias.
    Gazetteer,
    /// A rule.
    Rule,
}

/// A possible mention before overlaps are resolved.
struct Candidate<'a> {
    range: Range<usize>,
    kind: Kind,
    /// Borrowed from the gazetteer, or made from the text by a rule.
    name: Cow<'a, str>,
    /// Ranking on ties.
    source: Source,
    /// An ambiguous alias that needs support from the text.
    needs_context: bool,
}

impl Recogniser {
    /// A recogniser over the built-in gazetteer.
    pub fn builtin() -> Result<Self, RecogniserError> {
        Ok(Self::new(Gazetteer::builtin()?))
    }

    /// A recogniser over `gazetteer`.
    pub fn new(gazetteer: Gazetteer) -> Self {
        let mut organisations = gazetteer.organisations;
        let known = organisations.len();
        let canon = Canon::new(&organisations);
        organisations.extend_from_slice(not_organisations::builtin());
        Self {
            matcher: Matcher::new(&organisations),
            canon,
            organisations,
            known,
        }
    }

    /// The organisations this recogniser knows by name.
    pub fn organisations(&self) -> &[Organisation] {
        &self.organisations[..self.known]
    }

    /// Every mention in `text`, sorted by position, none overlapping.
    pub fn recognise(&self, text: &str) -> Vec<Mention> {
        let tokens = Tokens::new(text);
        let mut candidates: Vec<Candidate> = self
            .matcher
            .hits(text, &tokens.starts, &tokens.run_ends)
            .into_iter()
            .map(|hit| {
                let organisation = &self.organisations[hit.org];
                Candidate {
                    range: hit.range,
                    kind: organisation.kind,
                    name: Cow::Borrowed(organisation.name.as_str()),
                    source: if hit.org < self.known {
                        Source::Gazetteer
                    } else {
                        Source::NotOrganisation
                    },
                    needs_context: hit.needs_context,
                }
            })
            .collect();
        // Listed non-organisations, sorted by start, then end, as the hits
        // are: a rule's name that begins with one ("LaLiga TV", "IOC Ethics
        // Commission") belongs to it.
        let not_organisations: Vec<Range<usize>> = candidates
            .iter()
            .filter(|c| c.source == Source::NotOrganisation)
            .map(|c| c.range.clone())
            .collect();
        let begins_with_not_organisation = |range: &Range<usize>| {
            // The first listed name that starts there is the shortest.
            let at = not_organisations.partition_point(|n| n.start < range.start);
            not_organisations
                .get(at)
                .is_some_and(|n| n.start == range.start && n.end < range.end)
        };
        let known = Known::new(
            candidates
                .iter()
                .filter(|c| c.source == Source::Gazetteer)
                .map(|c| c.range.clone()),
        );
        // A rule's name that a plain gazetteer name covers exactly would
        // lose the tie: it needs no canonical name.
        let plain = |range: &Range<usize>| {
            candidates
                .binary_search_by(|c| (c.range.start, c.range.end).cmp(&(range.start, range.end)))
                .is_ok_and(|at| {
                    candidates[at].source == Source::Gazetteer && !candidates[at].needs_context
                })
        };
        let found: Vec<rules::RuleMatch> = rules::find(&tokens)
            .into_iter()
            .filter(|found| {
                !plain(&found.range)
                    && !begins_with_not_organisation(&found.range)
                    && !joins_known_names(text, &found.range, &known)
            })
            .collect();
        candidates.extend(found.into_iter().map(|found| {
            let surface = &text[found.range.clone()];
            let (kind, name) = match self.canon.lookup(surface, found.kind) {
                Some(org) => (
                    self.organisations[org].kind,
                    Cow::Borrowed(self.organisations[org].name.as_str()),
                ),
                None => (found.kind, Cow::Owned(tidy(surface))),
            };
            Candidate {
                range: found.range,
                kind,
                name,
                source: Source::Rule,
                needs_context: false,
            }
        }));
        let (mut mentions, not_organisations, from_rules) = resolve(candidates, &tokens);
        // "the FTC Act", "the Online News Act": laws named after bodies.
        mentions.retain(|m| !text[m.range.end..].starts_with(" Act"));
        acronyms::link(text, &mut mentions, &not_organisations);
        acronym_context::apply(&tokens, &mut mentions);
        short_forms::link(&tokens, &mut mentions);
        short_forms::repeat_rule_names(&tokens, &mut mentions, &from_rules);
        mentions
    }
}

/// The gazetteer's names in a text, by where they start and where they
/// end, so that a rule's name asks only about the names at its joins.
struct Known {
    /// Sorted by start, then end.
    by_start: Vec<Range<usize>>,
    /// (end, start), sorted.
    by_end: Vec<(usize, usize)>,
}

impl Known {
    fn new(ranges: impl Iterator<Item = Range<usize>>) -> Self {
        let mut by_start: Vec<Range<usize>> = ranges.collect();
        by_start.sort_unstable_by_key(|r| (r.start, r.end));
        let mut by_end: Vec<(usize, usize)> = by_start.iter().map(|r| (r.end, r.start)).collect();
        by_end.sort_unstable();
        Self { by_start, by_end }
    }

    /// The end of the shortest name that starts at `start`.
    fn shortest_from(&self, start: usize) -> Option<usize> {
        let at = self.by_start.partition_point(|r| r.start < start);
        self.by_start
            .get(at)
            .filter(|r| r.start == start)
            .map(|r| r.end)
    }

    /// The start of the shortest name that ends at `end`.
    fn shortest_to(&self, end: usize) -> Option<usize> {
        let at = self.by_end.partition_point(|&(e, _)| e <= end);
        at.checked_sub(1)
            .map(|last| self.by_end[last])
            .filter(|&(e, _)| e == end)
            .map(|(_, start)| start)
    }
}

/// Whether a rule's name at `range` joins two names with "and", one of
/// them known to the gazetteer ("Corriere della Sera and Rai News", "Joy
/// News and Citi FM"): two organisations, not one.
fn joins_known_names(text: &str, range: &Range<usize>, known: &Known) -> bool {
    let name = &text[range.clone()];
    name.match_indices(" and ").any(|(at, joiner)| {
        let (left_end, right_start) = (range.start + at, range.start + at + joiner.len());
        known
            .shortest_to(left_end)
            .is_some_and(|start| start >= range.start)
            || known
                .shortest_from(right_start)
                .is_some_and(|end| end <= range.end)
    })
}

/// Drops ambiguous names that neither a cue nor a plain mention of the same
/// organisation supports — before overlaps are settled, so that a doubtful
/// "The Independent" cannot hide "The Independent Electoral Commission" —
/// then keeps the leftmost, then longest, candidates that do not overlap
/// (a listed non-organisation first on a tie, then the gazetteer's
/// reading). Returns the mentions, the non-organisations kept, and the
/// ranges of the mentions the rules named.
fn resolve(
    mut candidates: Vec<Candidate<'_>>,
    tokens: &Tokens<'_>,
) -> (Vec<Mention>, Vec<Range<usize>>, Vec<Range<usize>>) {
    if candidates.iter().any(|c| c.needs_context) {
        let supported = support::supported(&candidates, tokens);
        let mut keep = supported.into_iter();
        candidates.retain(|_| keep.next().unwrap_or(true));
    }
    candidates.sort_by_key(|c| (c.range.start, std::cmp::Reverse(c.range.end), c.source));
    let mut kept: Vec<Mention> = Vec::with_capacity(candidates.len());
    let mut from_rules = Vec::new();
    let mut not_organisations = Vec::new();
    let mut end = 0;
    for candidate in candidates {
        if candidate.range.start < end {
            continue;
        }
        end = candidate.range.end;
        if candidate.source == Source::NotOrganisation {
            not_organisations.push(candidate.range);
        } else {
            if candidate.source == Source::Rule {
                from_rules.push(kept.len());
            }
            kept.push(Mention {
                range: candidate.range,
                kind: candidate.kind,
                name: candidate.name.into_owned(),
            });
        }
    }
    merge_variants(&mut kept, &from_rules);
    let from_rules = from_rules
        .iter()
        .map(|&at| kept[at].range.clone())
        .collect();
    (kept, not_organisations, from_rules)
}

/// Gives every variant of a name found by the rules ("Kestrel Valley
/// Gazette", "KESTREL VALLEY GAZETTE") the form first seen in the text.
/// `from_rules` are the indices of the mentions the rules named, in order:
/// only they can differ from a canonical name by case.
fn merge_variants(mentions: &mut [Mention], from_rules: &[usize]) {
    // Keyed by kind, length and lower-case name, with a per-process seed:
    // a long article can hold many thousand rule names, and its text is
    // untrusted.
    let mut seen: HashMap<(Kind, usize, String), usize, RandomState> = HashMap::default();
    for &at in from_rules {
        let (earlier, rest) = mentions.split_at_mut(at);
        let mention = &mut rest[0];
        let lower = if mention.name.is_ascii() {
            mention.name.to_ascii_lowercase()
        } else {
            mention.name.to_lowercase()
        };
        match seen.entry((mention.kind, mention.name.len(), lower)) {
            Entry::Occupied(first) => {
                let first = &earlier[*first.get()].name;
                if *first != mention.name {
                    mention.name.clone_from(first);
                }
            }
            Entry::Vacant(slot) => {
                slot.insert(at);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Ranges of up to 12 bytes in the first 64.
    fn ranges() -> impl Strategy<Value = Vec<Range<usize>>> {
        proptest::collection::vec((0..64usize, 1..12usize), 0..24)
            .prop_map(|pairs| pairs.into_iter().map(|(s, len)| s..s + len).collect())
    }

    proptest! {
        #[test]
        fn known_names_are_found_at_a_join_as_a_scan_finds_them(
            known in ranges(),
            at in 0..80usize,
        ) {
            let index = Known::new(known.iter().cloned());
            let shortest_from = known.iter().filter(|k| k.start == at).map(|k| k.end).min();
            let shortest_to = known.iter().filter(|k| k.end == at).map(|k| k.start).max();
            prop_assert_eq!(index.shortest_from(at), shortest_from);
            prop_assert_eq!(index.shortest_to(at), shortest_to);
        }
    }
}
