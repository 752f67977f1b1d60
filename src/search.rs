//! Search: one query language for the reader and `newsdesk search`.
//!
//! - [`query`] reads a query (terms, "phrases", `-exclusions`, `field:`s,
//!   dates) and says where it is wrong.
//! - [`pattern`] finds a term or phrase in text with smart case and Unicode
//!   case folding ([`fold`]); phrases match across any whitespace.
//! - [`evaluate`] decides which articles match, counts their hits and ranks
//!   them.
//!
//! Matches are byte ranges into the text as stored and never overlap.

pub mod evaluate;
pub mod fold;
pub mod index;
pub mod pattern;
pub mod query;
pub mod snippet;

use std::ops::Range;

pub use evaluate::{Found, Hits, NoOrganisations, Organisations, evaluate, search, search_unless};
pub use index::{WordColumns, WordIndex, search_indexed};
pub use pattern::Pattern;
pub use query::{Clause, Field, Query, QueryError};
pub use snippet::Snippet;

/// Where the positive terms and phrases of `query` that search the body
/// occur in `body`: sorted, non-overlapping byte ranges, for highlighting.
pub fn find_in_body(body: &str, query: &Query) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = query
        .positive_patterns()
        .filter(|(field, _)| *field == Field::Text)
        .flat_map(|(_, pattern)| pattern.find_all(body))
        .collect();
    ranges.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start < last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// Every non-overlapping occurrence of the query typed as `query` in
/// `text`, for a find in an article. A quote left open while typing is
/// taken as closed at the end, so that a phrase finds as it is typed.
///
/// ```
/// use newsdesk::search::find_all;
/// let text = "Europol said EUROPOL";
/// assert_eq!(find_all(text, "europol").unwrap(), [0..7, 13..20]);
/// assert_eq!(find_all(text, "Europol").unwrap(), [0..7]);
/// ```
pub fn find_all(text: &str, query: &str) -> Result<Vec<Range<usize>>, QueryError> {
    let parsed = match Query::parse(query) {
        Err(error) if error.message == "unclosed quote" => Query::parse(&format!("{query}\"")),
        other => other,
    }?;
    Ok(find_in_body(text, &parsed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'t>(text: &'t str, query: &str) -> Vec<&'t str> {
        find_all(text, query)
            .unwrap()
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
        assert_eq!(find_all("aaaa", "aa").unwrap(), [0..2, 2..4]);
    }

    #[test]
    fn several_terms_and_phrases_all_highlight() {
        let text = "the news agency and the raid";
        assert_eq!(
            found(text, r#""news agency" raid -ferry"#),
            ["news agency", "raid"]
        );
    }

    #[test]
    fn an_open_quote_finds_as_it_is_typed() {
        assert_eq!(found("the news agency", r#""news ag"#), ["news ag"]);
        assert!(find_all("x", "foo:bar").is_err());
    }

    #[test]
    fn field_terms_do_not_highlight_the_body() {
        assert!(found("raid", "title:raid").is_empty());
    }

    #[test]
    fn empty_query_finds_nothing() {
        assert!(find_all("text", "").unwrap().is_empty());
    }

    #[test]
    fn ranges_are_byte_ranges_in_multibyte_text() {
        assert_eq!(find_all("日本 news 日本", "日本").unwrap(), [0..6, 12..18]);
    }
}
