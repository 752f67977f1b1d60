//! The recogniser: gazetteer hits and rule matches in, mentions out.

use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::ops::Range;

use super::canonical::{Canon, tidy};
use super::matcher::Matcher;
use super::tokens::Tokens;
use super::{
    Gazetteer, GazetteerError, Kind, Mention, Organisation, acronym_context, acronyms, context,
    not_organisations, rules, short_forms,
};

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
            .hits(text, &tokens.starts)
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
        // Starts of listed non-organisations: a rule's name that begins with
        // one ("LaLiga TV", "IOC Ethics Commission") belongs to it.
        let not_organisations: Vec<Range<usize>> = candidates
            .iter()
            .filter(|c| c.source == Source::NotOrganisation)
            .map(|c| c.range.clone())
            .collect();
        let known: Vec<Range<usize>> = candidates
            .iter()
            .filter(|c| c.source == Source::Gazetteer)
            .map(|c| c.range.clone())
            .collect();
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
                    && !not_organisations
                        .iter()
                        .any(|n| n.start == found.range.start && n.end < found.range.end)
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
        let (mut mentions, not_organisations) = resolve(candidates, &tokens);
        // "the FTC Act", "the Online News Act": laws named after bodies.
        mentions.retain(|m| !text[m.range.end..].starts_with(" Act"));
        acronyms::link(text, &mut mentions, &not_organisations);
        acronym_context::apply(&tokens, &mut mentions);
        short_forms::link(&tokens, &mut mentions);
        mentions
    }
}

/// Whether a rule's name at `range` joins two names with "and", one of
/// them known to the gazetteer ("Corriere della Sera and Rai News", "Joy
/// News and Citi FM"): two organisations, not one.
fn joins_known_names(text: &str, range: &Range<usize>, known: &[Range<usize>]) -> bool {
    let name = &text[range.clone()];
    name.match_indices(" and ").any(|(at, joiner)| {
        let (left_end, right_start) = (range.start + at, range.start + at + joiner.len());
        known.iter().any(|k| {
            (k.start >= range.start && k.end == left_end)
                || (k.start == right_start && k.end <= range.end)
        })
    })
}

/// Drops ambiguous names that neither a cue nor a plain mention of the same
/// organisation supports — before overlaps are settled, so that a doubtful
/// "The Independent" cannot hide "The Independent Electoral Commission" —
/// then keeps the leftmost, then longest, candidates that do not overlap
/// (a listed non-organisation first on a tie, then the gazetteer's
/// reading). Returns the mentions, and the non-organisations kept.
fn resolve(
    mut candidates: Vec<Candidate<'_>>,
    tokens: &Tokens<'_>,
) -> (Vec<Mention>, Vec<Range<usize>>) {
    if candidates.iter().any(|c| c.needs_context) {
        let supported = supported(&candidates, tokens);
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
    (kept, not_organisations)
}

/// Which candidates may stand: every plain one, and an ambiguous one that
/// is not glued to a longer proper name ("Red Star Belgrade", "Howard
/// Stern") and that the text supports — by naming the same organisation
/// plainly or by the same words elsewhere, by speaking of it as the owner
/// of an outlet ("Comcast, which owns the Daily Mail"), by listing it
/// beside a plain name of its kind ("Facebook, Instagram and X"), or by a cue
/// nearby. Once
/// one use of an ambiguous name is supported, its other uses are too.
fn supported(candidates: &[Candidate<'_>], tokens: &Tokens<'_>) -> Vec<bool> {
    let text = tokens.text;
    let plain = || {
        candidates
            .iter()
            .filter(|c| !c.needs_context && c.source != Source::NotOrganisation)
    };
    // An article names a few dozen organisations: a list is cheaper to
    // build and search than a hash set.
    let plainly_named: Vec<&str> = plain().map(|c| c.name.as_ref()).collect();
    let plain_surfaces: Vec<(Kind, &str)> =
        plain().map(|c| (c.kind, &text[c.range.clone()])).collect();
    let glued: Vec<bool> = candidates
        .iter()
        .map(|c| c.needs_context && context::glued(tokens, &c.range))
        .collect();
    let mut supported: Vec<bool> = candidates
        .iter()
        .zip(&glued)
        .map(|(c, &glued)| {
            if !c.needs_context {
                return true;
            }
            !glued
                && (plainly_named.contains(&c.name.as_ref())
                    || (c.kind == Kind::Outlet
                        && context::owns_an_outlet(
                            text,
                            &c.range,
                            plain().filter(|p| p.kind == Kind::Outlet).map(|p| &p.range),
                        ))
                    || plain_surfaces.contains(&(c.kind, &text[c.range.clone()]))
                    || context::listed_with(
                        text,
                        &c.range,
                        plain().filter(|p| p.kind == c.kind).map(|p| &p.range),
                    )
                    || context::has_cue(tokens, &c.range, c.kind))
        })
        .collect();
    let backed: Vec<&str> = candidates
        .iter()
        .zip(&supported)
        .filter(|(c, supported)| c.needs_context && **supported)
        .map(|(c, _)| c.name.as_ref())
        .collect();
    for ((candidate, supported), glued) in candidates.iter().zip(&mut supported).zip(glued) {
        *supported |= !glued && backed.contains(&candidate.name.as_ref());
    }
    supported
}

/// Gives every variant of a name found by the rules ("Kestrel Valley
/// Gazette", "KESTREL VALLEY GAZETTE") the form first seen in the text.
/// `from_rules` are the indices of the mentions the rules named, in order:
/// only they can differ from a canonical name by case.
fn merge_variants(mentions: &mut [Mention], from_rules: &[usize]) {
    // Keyed by kind, length and lower-case name, with a per-process seed:
    // a long article can hold many thousand rule names, and its text is
    // untrusted.
    let mut seen: HashMap<(Kind, usize, String), usize, foldhash::fast::RandomState> =
        HashMap::default();
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
