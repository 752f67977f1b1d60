//! The recogniser: gazetteer hits and rule matches in, mentions out.

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;

use super::canonical::{Canon, tidy};
use super::hash::WordHash;
use super::matcher::Matcher;
use super::tokens::Tokens;
use super::{
    Gazetteer, GazetteerError, Kind, Mention, Organisation, acronyms, context, rules, short_forms,
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
    organisations: Vec<Organisation>,
    matcher: Matcher,
    canon: Canon,
}

/// A possible mention before overlaps are resolved.
struct Candidate<'a> {
    range: Range<usize>,
    kind: Kind,
    /// Borrowed from the gazetteer, or made from the text by a rule.
    name: Cow<'a, str>,
    /// Ranking on ties: gazetteer readings before rule readings.
    from_rule: bool,
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
        let organisations = gazetteer.organisations;
        Self {
            matcher: Matcher::new(&organisations),
            canon: Canon::new(&organisations),
            organisations,
        }
    }

    /// The organisations this recogniser knows by name.
    pub fn organisations(&self) -> &[Organisation] {
        &self.organisations
    }

    /// Every mention in `text`, sorted by position, none overlapping.
    pub fn recognise(&self, text: &str) -> Vec<Mention> {
        let tokens = Tokens::new(text);
        let mut candidates: Vec<Candidate> = self
            .matcher
            .hits(&self.organisations, text, &tokens.starts)
            .into_iter()
            .map(|hit| {
                let organisation = &self.organisations[hit.org];
                Candidate {
                    range: hit.range,
                    kind: organisation.kind,
                    name: Cow::Borrowed(organisation.name.as_str()),
                    from_rule: false,
                    needs_context: hit.needs_context,
                }
            })
            .collect();
        candidates.extend(rules::find(&tokens).into_iter().map(|found| {
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
                from_rule: true,
                needs_context: false,
            }
        }));
        let mut mentions = resolve(candidates, &tokens);
        // "the FTC Act", "the Online News Act": laws named after bodies.
        mentions.retain(|m| !text[m.range.end..].starts_with(" Act"));
        acronyms::link(text, &mut mentions);
        short_forms::link(&tokens, &mut mentions);
        merge_variants(&mut mentions);
        mentions
    }
}

/// Drops ambiguous names that neither a cue nor a plain mention of the same
/// organisation supports — before overlaps are settled, so that a doubtful
/// "The Independent" cannot hide "The Independent Electoral Commission" —
/// then keeps the leftmost, then longest, candidates that do not overlap
/// (the gazetteer's reading first on a tie).
fn resolve(mut candidates: Vec<Candidate<'_>>, tokens: &Tokens<'_>) -> Vec<Mention> {
    if candidates.iter().any(|c| c.needs_context) {
        let plainly_named: HashSet<&str, WordHash> = candidates
            .iter()
            .filter(|c| !c.needs_context)
            .map(|c| c.name.as_ref())
            .collect();
        let supported: Vec<bool> = candidates
            .iter()
            .map(|c| {
                !c.needs_context
                    || plainly_named.contains(c.name.as_ref())
                    || context::has_cue(tokens, &c.range, c.kind)
            })
            .collect();
        let mut keep = supported.into_iter();
        candidates.retain(|_| keep.next().unwrap_or(true));
    }
    candidates.sort_by_key(|c| (c.range.start, std::cmp::Reverse(c.range.end), c.from_rule));
    let mut kept: Vec<Mention> = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        if kept
            .last()
            .is_none_or(|last| last.range.end <= candidate.range.start)
        {
            kept.push(Mention {
                range: candidate.range,
                kind: candidate.kind,
                name: candidate.name.into_owned(),
            });
        }
    }
    kept
}

/// Gives every variant of a name found by the rules ("Kestrel Valley
/// Gazette", "KESTREL VALLEY GAZETTE") the form first seen in the text.
fn merge_variants(mentions: &mut [Mention]) {
    // An article names a few dozen organisations: comparing with each name
    // seen so far costs less than hashing lower-cased copies.
    let mut seen: Vec<(Kind, String)> = Vec::new();
    for mention in mentions.iter_mut() {
        if seen
            .iter()
            .any(|(kind, name)| *kind == mention.kind && *name == mention.name)
        {
            continue;
        }
        let variant = seen.iter().find(|(kind, name)| {
            *kind == mention.kind
                && name.len() == mention.name.len()
                && name
                    .chars()
                    .flat_map(char::to_lowercase)
                    .eq(mention.name.chars().flat_map(char::to_lowercase))
        });
        match variant {
            Some((_, name)) => mention.name.clone_from(name),
            None => seen.push((mention.kind, mention.name.clone())),
        }
    }
}
