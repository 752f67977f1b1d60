//! Finding a query in text, with smart case.
//!
//! A query with no uppercase letter ignores case; one with an uppercase
//! letter matches case exactly, like `less -i`, vim's `smartcase` and
//! ripgrep's `--smart-case`. Matches are byte ranges into the text and never
//! overlap.

use std::ops::Range;

/// Whether `query` should match case exactly.
pub fn is_case_sensitive(query: &str) -> bool {
    query.chars().any(char::is_uppercase)
}

/// Every non-overlapping occurrence of `query` in `text`, left to right.
///
/// ```
/// use newsdesk::search::find_all;
/// let text = "Europol said EUROPOL";
/// assert_eq!(find_all(text, "europol"), [0..7, 13..20]);
/// assert_eq!(find_all(text, "Europol"), [0..7]);
/// ```
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    if is_case_sensitive(query) {
        return text
            .match_indices(query)
            .map(|(at, found)| at..at + found.len())
            .collect();
    }
    let folded: Vec<char> = query.chars().flat_map(char::to_lowercase).collect();
    let mut found = Vec::new();
    let mut from = 0;
    while from < text.len() {
        if let Some(end) = match_folded_at(text, from, &folded) {
            found.push(from..end);
            from = end;
        } else {
            from += text[from..].chars().next().map_or(1, char::len_utf8);
        }
    }
    found
}

/// If the lowercased text at `start` begins with `folded`, the end of that
/// stretch of text; the match must end on a character boundary.
fn match_folded_at(text: &str, start: usize, folded: &[char]) -> Option<usize> {
    let mut wanted = folded.iter();
    let mut next = wanted.next();
    for (offset, c) in text[start..].char_indices() {
        for lower in c.to_lowercase() {
            match next {
                Some(&w) if w == lower => next = wanted.next(),
                _ => return None,
            }
        }
        if next.is_none() {
            return Some(start + offset + c.len_utf8());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'t>(text: &'t str, query: &str) -> Vec<&'t str> {
        find_all(text, query)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn lowercase_query_ignores_case() {
        assert_eq!(found("Europol and EUROPOL and europol", "europol").len(), 3);
    }

    #[test]
    fn uppercase_query_matches_case_exactly() {
        assert_eq!(
            found("Europol and EUROPOL and europol", "Europol"),
            ["Europol"]
        );
    }

    #[test]
    fn non_ascii_letters_fold_too() {
        assert_eq!(found("ÉTAT, état, État", "état"), ["ÉTAT", "état", "État"]);
    }

    #[test]
    fn matches_do_not_overlap() {
        assert_eq!(find_all("aaaa", "aa"), [0..2, 2..4]);
    }

    #[test]
    fn empty_query_finds_nothing() {
        assert!(find_all("text", "").is_empty());
    }

    #[test]
    fn ranges_are_byte_ranges_in_multibyte_text() {
        assert_eq!(find_all("日本 news 日本", "日本"), [0..6, 12..18]);
    }
}
