//! One line of context around an article's first hit, for `newsdesk search`.

use super::query::{Field, Query};
use crate::store::Article;

/// Characters of context before and after the hit.
const BEFORE: usize = 40;
const AFTER: usize = 60;

/// Text around a hit, on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    before: String,
    hit: String,
    after: String,
}

impl Snippet {
    /// The context of the first occurrence, in the body (else the title), of
    /// a positive term or phrase of `query`; the start of the body when the
    /// query has none (only dates or organisations).
    pub fn around_first_hit(article: &Article, query: &Query) -> Self {
        let first_in = |text: &str, fields: &[Field]| {
            query
                .positive_patterns()
                .filter(|(field, _)| fields.contains(field))
                .filter_map(|(_, pattern)| pattern.matches(text).next())
                .min_by_key(|range| range.start)
        };
        let body = article.body.text();
        let (text, range) = match first_in(&body, &[Field::Text]) {
            Some(range) => (&*body, range),
            None => match first_in(&article.title, &[Field::Text, Field::Title]) {
                Some(range) => (article.title.as_str(), range),
                None => (&*body, 0..0),
            },
        };
        let before: String = {
            let head = &text[..range.start];
            let cut = head
                .char_indices()
                .rev()
                .nth(BEFORE - 1)
                .map_or(0, |(i, _)| i);
            if cut > 0 {
                format!("…{}", &head[cut..])
            } else {
                head.to_owned()
            }
        };
        let after: String = {
            let mut chars = text[range.end..].chars();
            let kept: String = chars.by_ref().take(AFTER).collect();
            if chars.next().is_some() {
                format!("{kept}…")
            } else {
                kept
            }
        };
        Self {
            before: one_line(&before),
            hit: one_line(&text[range]),
            after: one_line(&after),
        }
    }

    /// The snippet as plain text.
    pub fn plain(&self) -> String {
        format!("{}{}{}", self.before, self.hit, self.after)
    }

    /// The snippet with the hit in reverse video, for a terminal.
    pub fn marked(&self) -> String {
        format!(
            "{}\u{1b}[7m{}\u{1b}[27m{}",
            self.before, self.hit, self.after
        )
    }
}

/// Whitespace runs become one space; control characters are shown, not
/// sent (see `crate::text::visible`).
fn one_line(text: &str) -> String {
    let mut spaced = String::with_capacity(text.len());
    let mut after_space = false;
    for c in text.chars() {
        let space = c.is_whitespace();
        if !space {
            spaced.push(c);
        } else if !after_space {
            spaced.push(' ');
        }
        after_space = space;
    }
    crate::text::visible(&spaced).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snippet(body: &str, query: &str) -> Snippet {
        Snippet::around_first_hit(
            &Article::new("A title", body),
            &Query::parse(query).unwrap(),
        )
    }

    #[test]
    fn context_surrounds_the_first_hit_on_one_line() {
        let s = snippet("Police said.\n\nThe raid began at dawn.", "raid");
        assert_eq!(s.plain(), "Police said. The raid began at dawn.");
        assert_eq!(s.hit, "raid");
        assert_eq!(
            s.marked(),
            "Police said. The \u{1b}[7mraid\u{1b}[27m began at dawn."
        );
    }

    #[test]
    fn long_context_is_cut_with_ellipses() {
        let body = format!("{} target {}", "a".repeat(100), "b".repeat(100));
        let s = snippet(&body, "target");
        assert!(s.plain().starts_with('…') && s.plain().ends_with('…'));
        assert_eq!(s.plain().chars().count(), 1 + 40 + 6 + 60 + 1);
        let exactly = format!("{} target", "é".repeat(39));
        assert_eq!(
            snippet(&exactly, "target").plain(),
            exactly,
            "40 before: no cut"
        );
        let one_more = format!("{} target", "é".repeat(40));
        assert_eq!(
            snippet(&one_more, "target").plain(),
            format!("…{} target", "é".repeat(39))
        );
    }

    #[test]
    fn a_hit_through_a_ligature_shows_the_whole_ligature() {
        let s = snippet("The ﬁnance desk.", "finance");
        assert_eq!(s.hit, "ﬁnance");
        assert_eq!(s.plain(), "The ﬁnance desk.");
    }

    #[test]
    fn a_title_hit_is_used_when_the_body_has_none() {
        assert_eq!(snippet("body text", "title").hit, "title");
    }

    #[test]
    fn without_a_text_term_the_body_starts_the_snippet() {
        assert_eq!(
            snippet("First words here.", "after:2020-01-01").plain(),
            "First words here."
        );
    }
}
