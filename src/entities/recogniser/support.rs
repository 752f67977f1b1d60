//! Which ambiguous names the text supports ("Mirror", "the Met", "X"):
//! by naming the organisation plainly elsewhere, by owning an outlet, by a
//! list of names of its kind, or by a cue nearby.
//!
//! A long article can name many thousand organisations: an ambiguous name
//! asks sorted lists whether it is named plainly, and for a list or an
//! owner looks only at the plain names that start or end a few bytes from
//! it, all found by binary search.

use std::ops::{Range, RangeInclusive};

use super::super::tokens::Tokens;
use super::super::{Kind, context};
use super::{Candidate, Source};

/// Which candidates may stand: every plain one, and an ambiguous one that
/// is not glued to a longer proper name ("Red Star Belgrade", "Howard
/// Stern") and that the text supports — by naming the same organisation
/// plainly or by the same words elsewhere, by speaking of it as the owner
/// of an outlet ("Comcast, which owns the Daily Mail"), by listing it
/// beside a plain name of its kind ("Facebook, Instagram and X"), by
/// standing as an outlet in a dateline ("ALAPPUZHA, India (PTI) —"), or by
/// a cue nearby. Once one use of an ambiguous name is supported, its other
/// uses are too.
pub(super) fn supported(candidates: &[Candidate<'_>], tokens: &Tokens<'_>) -> Vec<bool> {
    let text = tokens.text;
    let plain = || {
        candidates
            .iter()
            .filter(|c| !c.needs_context && c.source != Source::NotOrganisation)
    };
    // Only names and surfaces as long as an ambiguous one's can answer:
    // the lengths sift the plain ones (by a bit for each length modulo 64),
    // so that long names from the rules are not kept or compared. Sorted
    // lists, searched by halves, serve a handful of names as well as the
    // many thousand of a long article.
    let ambiguous = || candidates.iter().filter(|c| c.needs_context);
    let bit = |len: usize| 1u64 << (len % 64);
    let name_lengths = ambiguous().fold(0, |bits, c| bits | bit(c.name.len()));
    let surface_lengths = ambiguous().fold(0, |bits, c| bits | bit(c.range.len()));
    let mut plainly_named: Vec<&str> = plain()
        .filter(|c| name_lengths & bit(c.name.len()) != 0)
        .map(|c| c.name.as_ref())
        .collect();
    plainly_named.sort_unstable();
    let mut plain_surfaces: Vec<(Kind, &str)> = plain()
        .filter(|c| surface_lengths & bit(c.range.len()) != 0)
        .map(|c| (c.kind, &text[c.range.clone()]))
        .collect();
    plain_surfaces.sort_unstable();
    let nearby = Nearby::new(plain());
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
            let (start, end) = (c.range.start, c.range.end);
            !glued
                && (plainly_named.binary_search(&c.name.as_ref()).is_ok()
                    || (c.kind == Kind::Outlet
                        && context::owns_an_outlet(
                            text,
                            &c.range,
                            nearby
                                .starting(Kind::Outlet, end..=end + context::MAX_OWNING_GAP)
                                .iter(),
                        ))
                    || plain_surfaces
                        .binary_search(&(c.kind, &text[c.range.clone()]))
                        .is_ok()
                    || context::listed_with(
                        text,
                        &c.range,
                        nearby
                            .ending(c.kind, start.saturating_sub(context::MAX_LIST_GAP)..=start)
                            .iter()
                            .chain(nearby.starting(c.kind, end..=end + context::MAX_LIST_GAP)),
                    )
                    || (c.kind == Kind::Outlet && context::in_dateline(text, &c.range))
                    || context::has_cue(tokens, &c.range, c.kind))
        })
        .collect();
    // "Max Ranjit is a reporter … Max got an internship": an ambiguous
    // name that is a given name, written once before a surname, is that
    // person's wherever the text uses it.
    let mut persons: Vec<&str> = candidates
        .iter()
        .zip(&glued)
        .filter(|(c, glued)| {
            **glued && c.needs_context && is_given_name_before_a_surname(tokens, c)
        })
        .map(|(c, _)| &text[c.range.clone()])
        .collect();
    persons.sort_unstable();
    let is_person = |c: &Candidate<'_>| persons.binary_search(&&text[c.range.clone()]).is_ok();
    if !persons.is_empty() {
        for (candidate, supported) in candidates.iter().zip(&mut supported) {
            if candidate.needs_context && is_person(candidate) {
                *supported = false;
            }
        }
    }
    let mut backed: Vec<&str> = candidates
        .iter()
        .zip(&supported)
        .filter(|(c, supported)| c.needs_context && **supported)
        .map(|(c, _)| c.name.as_ref())
        .collect();
    backed.sort_unstable();
    for ((candidate, supported), glued) in candidates.iter().zip(&mut supported).zip(glued) {
        *supported = *supported
            || (!glued
                && backed.binary_search(&candidate.name.as_ref()).is_ok()
                && !is_person(candidate));
    }
    supported
}

/// Whether candidate `c` is one word, a common given name, followed by a
/// capitalised word ("Max Ranjit").
fn is_given_name_before_a_surname(tokens: &Tokens<'_>, c: &Candidate<'_>) -> bool {
    let words = &tokens.words;
    let at = words.partition_point(|w| w.range.start < c.range.start);
    at + 1 < words.len()
        && words[at].range == c.range
        && tokens.is(at, super::super::lexicon::class::GIVEN_NAME)
        && tokens.joined(at)
        && tokens.is_capitalised(at + 1)
        && !tokens.is(at + 1, super::super::lexicon::class::STOP)
}

/// The plain names of a text by kind, sorted by where they start and by
/// where they end: a list or an owner is read only between names a few
/// bytes apart, so an ambiguous name asks only about those.
struct Nearby {
    /// Agencies, then outlets.
    by_start: [Vec<Range<usize>>; 2],
    by_end: [Vec<Range<usize>>; 2],
}

impl Nearby {
    fn new<'c>(plain: impl Iterator<Item = &'c Candidate<'c>>) -> Self {
        let mut by_start: [Vec<Range<usize>>; 2] = [Vec::new(), Vec::new()];
        for candidate in plain {
            by_start[Self::slot(candidate.kind)].push(candidate.range.clone());
        }
        let mut by_end = by_start.clone();
        for (starts, ends) in by_start.iter_mut().zip(&mut by_end) {
            starts.sort_unstable_by_key(|r| r.start);
            ends.sort_unstable_by_key(|r| r.end);
        }
        Self { by_start, by_end }
    }

    fn slot(kind: Kind) -> usize {
        match kind {
            Kind::Agency => 0,
            Kind::Outlet => 1,
        }
    }

    /// The names of `kind` that start within `window`.
    fn starting(&self, kind: Kind, window: RangeInclusive<usize>) -> &[Range<usize>] {
        let names = &self.by_start[Self::slot(kind)];
        let from = names.partition_point(|r| r.start < *window.start());
        let to = names.partition_point(|r| r.start <= *window.end());
        &names[from..to.max(from)]
    }

    /// The names of `kind` that end within `window`.
    fn ending(&self, kind: Kind, window: RangeInclusive<usize>) -> &[Range<usize>] {
        let names = &self.by_end[Self::slot(kind)];
        let from = names.partition_point(|r| r.end < *window.start());
        let to = names.partition_point(|r| r.end <= *window.end());
        &names[from..to.max(from)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::borrow::Cow;

    /// Ranges of up to 12 bytes in the first 64.
    fn ranges() -> impl Strategy<Value = Vec<Range<usize>>> {
        proptest::collection::vec((0..64usize, 1..12usize), 0..24)
            .prop_map(|pairs| pairs.into_iter().map(|(s, len)| s..s + len).collect())
    }

    fn candidate(range: Range<usize>, kind: Kind) -> Candidate<'static> {
        Candidate {
            range,
            kind,
            name: Cow::Borrowed("x"),
            source: Source::Gazetteer,
            needs_context: false,
        }
    }

    proptest! {
        #[test]
        fn nearby_names_are_those_a_scan_finds(
            agencies in ranges(),
            outlets in ranges(),
            from in 0..80usize,
            len in 0..16usize,
        ) {
            let candidates: Vec<Candidate<'_>> = agencies
                .iter()
                .map(|r| candidate(r.clone(), Kind::Agency))
                .chain(outlets.iter().map(|r| candidate(r.clone(), Kind::Outlet)))
                .collect();
            let nearby = Nearby::new(candidates.iter());
            let window = from..=from + len;
            for (kind, all) in [(Kind::Agency, &agencies), (Kind::Outlet, &outlets)] {
                let mut starting: Vec<_> = nearby.starting(kind, window.clone()).to_vec();
                let mut ending: Vec<_> = nearby.ending(kind, window.clone()).to_vec();
                let mut scan_starting: Vec<_> =
                    all.iter().filter(|r| window.contains(&r.start)).cloned().collect();
                let mut scan_ending: Vec<_> =
                    all.iter().filter(|r| window.contains(&r.end)).cloned().collect();
                for list in [&mut starting, &mut ending, &mut scan_starting, &mut scan_ending] {
                    list.sort_by_key(|r| (r.start, r.end));
                }
                prop_assert_eq!(starting, scan_starting);
                prop_assert_eq!(ending, scan_ending);
            }
        }
    }
}
