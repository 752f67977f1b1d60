//! Where a text uses any of a set of short forms ("Meridian", "Nour
//! al-Sahel"): at a word start, and ending on a word boundary.
//!
//! An article names a few outlets with short forms, and trying each at
//! every word start that has its first letter is the cheapest search. A
//! long one can name thousands: then the forms go into a trie whose edges
//! are the pieces of a form between word boundaries ("Nour", " ", "al",
//! "-", "Sahel"), and a walk from each word start over the text's own
//! boundaries meets every form used there. Either way a form is sought only
//! up to [`MAX_FORM_PIECES`] pieces, which bounds both the walk and the
//! comparison from each word start.

use std::collections::HashMap;

use foldhash::fast::RandomState;

use super::super::matcher::is_word_boundary;

/// The most pieces between word boundaries a short form is sought with:
/// words, the spaces between them and the hyphens and apostrophes inside
/// them. Real outlets' names have a dozen or so ("Nour al-Sahel" has five;
/// the gazetteer's longest, "O Estado de S. Paulo", ten). A longer form,
/// read off an article's own text, is not sought: from every word start of
/// a run that repeats it ("Aa-Aa-Aa-…", or a long chain of names) the
/// search would follow it to its end.
pub(super) const MAX_FORM_PIECES: usize = 32;

/// Up to how many forms are tried one by one.
const TRIED_ONE_BY_ONE: usize = 8;

/// (where, which form) for every use of one of `forms` in `text` that
/// begins at one of `starts` (sorted) and ends on a word boundary, in text
/// order and, at one place, in the order of the forms.
pub(super) fn uses(text: &str, starts: &[usize], forms: &[&str]) -> Vec<(usize, usize)> {
    if forms.len() <= TRIED_ONE_BY_ONE {
        uses_one_by_one(text, starts, forms)
    } else {
        uses_by_trie(text, starts, forms)
    }
}

/// Each form that is not too long tried at every word start that has its
/// first byte.
fn uses_one_by_one(text: &str, starts: &[usize], forms: &[&str]) -> Vec<(usize, usize)> {
    let sought: Vec<(usize, &str)> = forms
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, form)| !form.is_empty() && pieces(form).nth(MAX_FORM_PIECES).is_none())
        .collect();
    let mut first_bytes = [false; 256];
    for (_, form) in &sought {
        first_bytes[usize::from(form.as_bytes()[0])] = true;
    }
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for &at in starts {
        if !first_bytes[usize::from(bytes[at])] {
            continue;
        }
        for &(form, short) in &sought {
            if bytes[at..].starts_with(short.as_bytes()) && is_word_boundary(text, at + short.len())
            {
                found.push((at, form));
            }
        }
    }
    found
}

/// The same uses, found by walking a trie of the forms from each word
/// start.
fn uses_by_trie(text: &str, starts: &[usize], forms: &[&str]) -> Vec<(usize, usize)> {
    let trie = Trie::new(forms);
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut here = Vec::new();
    for &at in starts {
        if !trie.first_bytes[usize::from(bytes[at])] {
            continue;
        }
        trie.forms_at(text, at, &mut here);
        found.extend(here.iter().map(|&form| (at, form)));
    }
    found
}

/// Forms by the pieces between their word boundaries.
struct Trie<'f> {
    /// Whether a form begins with each byte.
    first_bytes: [bool; 256],
    /// (node, piece) → the node after it; the root is node 0.
    edges: HashMap<(usize, &'f str), usize, RandomState>,
    /// The form that ends at each node, if one does.
    ends: Vec<Option<usize>>,
}

impl<'f> Trie<'f> {
    fn new(forms: &[&'f str]) -> Self {
        let mut trie = Self {
            first_bytes: [false; 256],
            edges: HashMap::default(),
            ends: vec![None],
        };
        for (at, &form) in forms.iter().enumerate() {
            if form.is_empty() || pieces(form).nth(MAX_FORM_PIECES).is_some() {
                continue;
            }
            trie.first_bytes[usize::from(form.as_bytes()[0])] = true;
            let mut node = 0;
            for piece in pieces(form) {
                let next = trie.ends.len();
                node = *trie.edges.entry((node, piece)).or_insert(next);
                if node == next {
                    trie.ends.push(None);
                }
            }
            // Forms are distinct: no two end at one node.
            trie.ends[node] = Some(at);
        }
        trie
    }

    /// Puts in `found` every form that `text` has at `at` and that ends on
    /// a word boundary there, in the order of the forms.
    fn forms_at(&self, text: &str, at: usize, found: &mut Vec<usize>) {
        found.clear();
        let mut node = 0;
        for piece in pieces(&text[at..]) {
            let Some(&next) = self.edges.get(&(node, piece)) else {
                break;
            };
            node = next;
            if let Some(form) = self.ends[node] {
                found.push(form);
            }
        }
        found.sort_unstable();
    }
}

/// The pieces of `text` between the word boundaries after its start
/// ([`is_word_boundary`]): a run of letters and digits, or one other
/// character.
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    let mut chars = text.char_indices().peekable();
    let mut start = 0;
    std::iter::from_fn(move || {
        while let Some((at, c)) = chars.next() {
            // Within a run of letters and digits there is no boundary.
            if is_word_char(c) && chars.peek().is_some_and(|&(_, next)| is_word_char(next)) {
                continue;
            }
            let end = at + c.len_utf8();
            let piece = &text[start..end];
            start = end;
            return Some(piece);
        }
        None
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{Gazetteer, Kind};
    use proptest::prelude::*;

    #[test]
    fn pieces_end_at_word_boundaries() {
        assert_eq!(
            pieces("Nour al-Sahel’s 2nd").collect::<Vec<_>>(),
            ["Nour", " ", "al", "-", "Sahel", "’", "s", " ", "2nd"]
        );
    }

    #[test]
    fn every_outlet_in_the_gazetteer_is_short_enough_to_seek() {
        let gazetteer = Gazetteer::builtin().unwrap();
        for outlet in gazetteer
            .organisations
            .iter()
            .filter(|o| o.kind == Kind::Outlet)
        {
            assert!(
                pieces(&outlet.name).count() <= MAX_FORM_PIECES,
                "{}",
                outlet.name
            );
        }
    }

    #[test]
    fn a_form_of_too_many_pieces_is_not_sought_either_way() {
        // 33 pieces and 31.
        let long = vec!["Aa"; 17].join("-");
        let fits = vec!["Aa"; 16].join("-");
        let text = format!("{long} and {long}");
        let second = long.len() + " and ".len();
        for search in [uses_one_by_one, uses_by_trie] {
            assert_eq!(search(&text, &[0, second], &[long.as_str()]), []);
            assert_eq!(
                search(&text, &[0, second], &[fits.as_str(), "Aa"]),
                [(0, 0), (0, 1), (second, 0), (second, 1)]
            );
        }
    }

    /// Text and forms made of a few pieces, so that forms often match, end
    /// inside a word or contain one another.
    fn words() -> impl Strategy<Value = Vec<&'static str>> {
        proptest::collection::vec(
            proptest::sample::select(&["Nour", "al", "Sahel", " ", "-", "’", "s", "Aa", "é"][..]),
            1..6,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn pieces_end_where_a_word_boundary_is(text in "\\PC{0,40}") {
            let ends: Vec<usize> = pieces(&text)
                .scan(0, |end, piece| {
                    *end += piece.len();
                    Some(*end)
                })
                .collect();
            let boundaries: Vec<usize> = (1..=text.len())
                .filter(|&at| text.is_char_boundary(at) && is_word_boundary(&text, at))
                .collect();
            prop_assert_eq!(ends, boundaries);
        }

        #[test]
        fn the_trie_finds_what_trying_each_form_finds(
            text in proptest::collection::vec(words(), 0..12),
            forms in proptest::collection::vec(words(), 1..12),
        ) {
            let text: String = text.concat().concat();
            // Distinct, in no particular order.
            let mut forms: Vec<String> = forms.into_iter().map(|form| form.concat()).collect();
            let mut seen = Vec::new();
            forms.retain(|form| {
                let new = !seen.contains(form);
                seen.push(form.clone());
                new
            });
            let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
            let starts: Vec<usize> = (0..text.len())
                .filter(|&at| {
                    text.is_char_boundary(at)
                        && text[at..].chars().next().is_some_and(char::is_alphanumeric)
                        && !text[..at].chars().next_back().is_some_and(is_word_char)
                })
                .collect();
            prop_assert_eq!(
                uses_by_trie(&text, &starts, &forms),
                uses_one_by_one(&text, &starts, &forms)
            );
        }
    }
}
