//! Marked places in the opened article and the current one: the matches of
//! a find, or the mentions of an organisation being walked.

use std::ops::Range;

use crate::search;

/// A find in the article's body, or a walk through an organisation's
/// mentions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Find {
    /// The query as typed.
    pub query: String,
    /// The organisation whose mentions are marked, when walking them.
    pub organisation: Option<String>,
    /// Every match in the body, in order.
    pub matches: Vec<Range<usize>>,
    /// Index of the current match in `matches`.
    pub current: Option<usize>,
    /// The body scroll when the prompt opened, to return to on cancel.
    pub origin: usize,
}

/// What moving between matches did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Moved to another match without wrapping.
    Moved,
    /// Went past the last (or first) match and came round.
    Wrapped,
    /// There is nothing to move to.
    NoMatches,
}

impl Find {
    /// Whether anything is marked (a query typed, or an organisation chosen).
    pub fn is_active(&self) -> bool {
        !self.query.is_empty() || self.organisation.is_some()
    }

    /// What is marked: the query, or the organisation's name.
    pub fn label(&self) -> &str {
        self.organisation.as_deref().unwrap_or(&self.query)
    }

    /// Marks the mentions of `organisation` at `ranges` and makes the
    /// first one current.
    pub fn walk(&mut self, organisation: &str, ranges: Vec<Range<usize>>) {
        self.query.clear();
        self.organisation = Some(organisation.to_owned());
        self.current = (!ranges.is_empty()).then_some(0);
        self.matches = ranges;
    }

    /// Runs the query over `body` and makes the first match at or after
    /// byte `from` the current one (wrapping to the first). A query that
    /// cannot be read finds nothing, and the error says why.
    pub fn run(&mut self, body: &str, from: usize) -> Result<(), search::QueryError> {
        self.organisation = None;
        let (matches, read) = match search::find_all(body, &self.query) {
            Ok(matches) => (matches, Ok(())),
            Err(error) => (Vec::new(), Err(error)),
        };
        self.matches = matches;
        self.current = if self.matches.is_empty() {
            None
        } else {
            Some(
                self.matches
                    .iter()
                    .position(|m| m.start >= from)
                    .unwrap_or(0),
            )
        };
        read
    }

    /// Moves to the next (or, `backwards`, previous) match, wrapping around.
    pub fn step(&mut self, backwards: bool) -> Step {
        let len = self.matches.len();
        let Some(current) = self.current.filter(|_| len > 0) else {
            return Step::NoMatches;
        };
        let (next, wrapped) = if backwards {
            if current == 0 {
                (len - 1, true)
            } else {
                (current - 1, false)
            }
        } else if current + 1 == len {
            (0, true)
        } else {
            (current + 1, false)
        };
        self.current = Some(next);
        if wrapped { Step::Wrapped } else { Step::Moved }
    }

    /// The current match's range.
    pub fn current_match(&self) -> Option<Range<usize>> {
        self.current.and_then(|i| self.matches.get(i).cloned())
    }

    /// "3/12", or "0/0" when nothing matched.
    pub fn counter(&self) -> String {
        match self.current {
            Some(i) => format!("{}/{}", i + 1, self.matches.len()),
            None => "0/0".to_owned(),
        }
    }

    /// Forgets the query or organisation, and the marks.
    pub fn clear(&mut self) {
        self.query.clear();
        self.organisation = None;
        self.matches.clear();
        self.current = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(body: &str, query: &str, from: usize) -> Find {
        let mut find = Find {
            query: query.to_owned(),
            ..Find::default()
        };
        find.run(body, from).unwrap();
        find
    }

    #[test]
    fn first_match_is_the_one_after_the_reading_position() {
        let f = find("ab ab ab ab", "ab", 4);
        assert_eq!(f.current, Some(2));
        assert_eq!(f.counter(), "3/4");
    }

    #[test]
    fn position_past_the_last_match_wraps_to_the_first() {
        assert_eq!(find("ab ab", "ab", 9).current, Some(0));
    }

    #[test]
    fn stepping_wraps_both_ways() {
        let mut f = find("x x x", "x", 0);
        assert_eq!(f.step(false), Step::Moved);
        assert_eq!(f.step(false), Step::Moved);
        assert_eq!(f.step(false), Step::Wrapped);
        assert_eq!(f.current, Some(0));
        assert_eq!(f.step(true), Step::Wrapped);
        assert_eq!(f.current, Some(2));
    }

    #[test]
    fn walking_marks_given_ranges_and_replaces_a_query() {
        let mut f = find("x x", "x", 0);
        f.walk("Europol", vec![3..5, 9..11]);
        assert_eq!((f.label(), f.counter().as_str()), ("Europol", "1/2"));
        assert!(f.query.is_empty() && f.is_active());
        f.clear();
        assert!(!f.is_active());
    }

    #[test]
    fn no_matches_cannot_step() {
        let mut f = find("abc", "zz", 0);
        assert_eq!(f.step(false), Step::NoMatches);
        assert_eq!(f.counter(), "0/0");
    }
}
