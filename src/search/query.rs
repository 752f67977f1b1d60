//! The query language shared by the reader and `newsdesk search`.
//!
//! ```text
//! europol raid                terms: every one must match (title or body)
//! "news agency"               a phrase: words in order, any whitespace between
//! -football  -"match report"  exclude articles that contain it
//! title:raid  source:reuters  author:varga  tag:police   restrict to a field
//! org:europol                 articles whose recognised organisations include it
//! after:2026-01-01  before:2026-03-31                    on the publication date
//! ```
//!
//! Terms match as substrings with smart case. A query that cannot be read
//! gets a [`QueryError`] that points at the problem.

use std::fmt;

use super::pattern::Pattern;
use crate::store::Published;

/// Where a term looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The title and the body.
    Text,
    /// The headline.
    Title,
    /// The outlet that published the article.
    Source,
    /// The author.
    Author,
    /// Any of the tags.
    Tag,
}

impl Field {
    fn named(name: &str) -> Option<Self> {
        match name {
            "title" => Some(Self::Title),
            "source" => Some(Self::Source),
            "author" => Some(Self::Author),
            "tag" => Some(Self::Tag),
            _ => None,
        }
    }
}

/// One part of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// A term or phrase in a field; excluded articles must not contain it.
    Text {
        /// Where it must (or must not) occur.
        field: Field,
        /// What to find.
        pattern: Pattern,
        /// Whether the clause excludes instead of requires.
        negated: bool,
    },
    /// An organisation, by canonical name or alias, case-insensitive.
    Organisation {
        /// The name as typed.
        name: String,
        /// Whether the clause excludes instead of requires.
        negated: bool,
    },
    /// Published on or after this day (seconds since the epoch, UTC).
    After(i64),
    /// Published before the end of this day (seconds since the epoch, UTC).
    Before(i64),
}

/// A parsed query: every clause must hold.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// The clauses, in the order typed.
    pub clauses: Vec<Clause>,
}

/// Why a query cannot be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    /// Character position of the problem in the query, from 0.
    pub at: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "column {}: {}", self.at + 1, self.message)
    }
}

impl std::error::Error for QueryError {}

impl QueryError {
    /// The query with a caret under the problem, for a terminal.
    pub fn pointed(&self, query: &str) -> String {
        format!("{query}\n{}^ {}", " ".repeat(self.at), self.message)
    }
}

impl Query {
    /// Reads a query.
    pub fn parse(text: &str) -> Result<Self, QueryError> {
        let chars: Vec<char> = text.chars().collect();
        let mut clauses = Vec::new();
        let mut at = 0;
        while at < chars.len() {
            if chars[at].is_whitespace() {
                at += 1;
                continue;
            }
            let start = at;
            let negated = chars[at] == '-' && chars.get(at + 1).is_some_and(|c| !c.is_whitespace());
            if negated {
                at += 1;
            }
            // A field name: letters then a colon.
            let name_end = (at..chars.len())
                .find(|&i| !chars[i].is_ascii_alphabetic())
                .unwrap_or(chars.len());
            let field = (name_end > at && chars.get(name_end) == Some(&':'))
                .then(|| chars[at..name_end].iter().collect::<String>());
            let value_start = if field.is_some() { name_end + 1 } else { at };
            let (value, quoted, next) = read_value(&chars, value_start)?;
            at = next;
            if value.trim().is_empty() {
                let message = if quoted {
                    "empty phrase".to_owned()
                } else {
                    format!("nothing after `{}:`", field.as_deref().unwrap_or_default())
                };
                return Err(QueryError { at: start, message });
            }
            clauses.push(clause(
                field.as_deref(),
                &value,
                negated,
                start,
                value_start,
            )?);
        }
        Ok(Self { clauses })
    }

    /// The text patterns that must occur, with their fields: what to
    /// highlight in an article.
    pub fn positive_patterns(&self) -> impl Iterator<Item = (Field, &Pattern)> {
        self.clauses.iter().filter_map(|clause| match clause {
            Clause::Text {
                field,
                pattern,
                negated: false,
            } => Some((*field, pattern)),
            _ => None,
        })
    }

    /// Whether the query asks for (or excludes) an organisation.
    pub fn has_organisations(&self) -> bool {
        self.clauses
            .iter()
            .any(|c| matches!(c, Clause::Organisation { .. }))
    }
}

/// Reads a term or a quoted phrase from `start`; returns it, whether it was
/// quoted, and where reading stopped.
fn read_value(chars: &[char], start: usize) -> Result<(String, bool, usize), QueryError> {
    if chars.get(start) == Some(&'"') {
        let close = (start + 1..chars.len())
            .find(|&i| chars[i] == '"')
            .ok_or(QueryError {
                at: start,
                message: "unclosed quote".to_owned(),
            })?;
        let value: String = chars[start + 1..close].iter().collect();
        return Ok((value, true, close + 1));
    }
    let end = (start..chars.len())
        .find(|&i| chars[i].is_whitespace())
        .unwrap_or(chars.len());
    if let Some(quote) = (start..end).find(|&i| chars[i] == '"') {
        return Err(QueryError {
            at: quote,
            message: "a quote must start a phrase".to_owned(),
        });
    }
    Ok((chars[start..end].iter().collect(), false, end))
}

fn clause(
    field: Option<&str>,
    value: &str,
    negated: bool,
    start: usize,
    value_start: usize,
) -> Result<Clause, QueryError> {
    let text = |field| {
        Pattern::new(value)
            .map(|pattern| Clause::Text {
                field,
                pattern,
                negated,
            })
            .ok_or(QueryError {
                at: value_start,
                message: "empty term".to_owned(),
            })
    };
    let date = |what: &str| {
        // Only a day as written: ten digits would read as an epoch time.
        Published::parse(value)
            .ok()
            .filter(|day| value.len() == 10 && day.as_str() == value)
            .map(|p| p.epoch_seconds())
            .ok_or(QueryError {
                at: value_start,
                message: format!("`{what}:` takes a date as YYYY-MM-DD, not `{value}`"),
            })
    };
    let not_negatable = |what: &str| QueryError {
        at: start,
        message: format!("`{what}:` cannot be excluded with `-`"),
    };
    match field {
        None => text(Field::Text),
        Some("org") => Ok(Clause::Organisation {
            name: value.to_owned(),
            negated,
        }),
        Some("after") if negated => Err(not_negatable("after")),
        Some("before") if negated => Err(not_negatable("before")),
        Some("after") => date("after").map(Clause::After),
        Some("before") => date("before").map(|day| Clause::Before(day + 86_399)),
        Some(name) => match Field::named(name) {
            Some(field) => text(field),
            None => Err(QueryError {
                at: start + usize::from(negated),
                message: format!(
                    "unknown field `{name}:` (fields: title, source, author, tag, org, after, before)"
                ),
            }),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(query: &str) -> Vec<(Field, String, bool)> {
        Query::parse(query)
            .unwrap()
            .clauses
            .into_iter()
            .filter_map(|c| match c {
                Clause::Text {
                    field,
                    pattern,
                    negated,
                } => Some((field, pattern.text(), negated)),
                _ => None,
            })
            .collect()
    }

    fn error(query: &str) -> QueryError {
        Query::parse(query).unwrap_err()
    }

    #[test]
    fn terms_phrases_and_exclusions() {
        assert_eq!(
            texts(r#"europol "news agency" -football -"match report""#),
            [
                (Field::Text, "europol".to_owned(), false),
                (Field::Text, "news agency".to_owned(), false),
                (Field::Text, "football".to_owned(), true),
                (Field::Text, "match report".to_owned(), true),
            ]
        );
    }

    #[test]
    fn fields_restrict_terms_and_phrases() {
        assert_eq!(
            texts(r#"title:raid source:"Harbour Ledger" author:varga -tag:sport"#),
            [
                (Field::Title, "raid".to_owned(), false),
                (Field::Source, "Harbour Ledger".to_owned(), false),
                (Field::Author, "varga".to_owned(), false),
                (Field::Tag, "sport".to_owned(), true),
            ]
        );
    }

    #[test]
    fn organisations_and_dates() {
        let query = Query::parse("org:Europol -org:AP after:2026-01-01 before:2026-01-31").unwrap();
        assert_eq!(
            query.clauses,
            [
                Clause::Organisation {
                    name: "Europol".to_owned(),
                    negated: false
                },
                Clause::Organisation {
                    name: "AP".to_owned(),
                    negated: true
                },
                Clause::After(1_767_225_600),
                Clause::Before(1_769_817_600 + 86_399),
            ]
        );
    }

    #[test]
    fn a_lone_dash_and_hyphenated_words_are_terms() {
        assert_eq!(
            texts("al-Bayan - x"),
            [
                (Field::Text, "al-Bayan".to_owned(), false),
                (Field::Text, "-".to_owned(), false),
                (Field::Text, "x".to_owned(), false),
            ]
        );
    }

    #[test]
    fn errors_point_at_the_problem() {
        assert_eq!(
            error(r#"raid "news agency"#),
            QueryError {
                at: 5,
                message: "unclosed quote".to_owned()
            }
        );
        let unknown = error("raid foo:bar");
        assert_eq!(unknown.at, 5);
        assert!(
            unknown.message.starts_with("unknown field `foo:`"),
            "{unknown}"
        );
        let date = error("after:2026-13-01");
        assert_eq!(date.at, 6);
        assert!(date.message.contains("YYYY-MM-DD"));
        assert_eq!(error("title:").message, "nothing after `title:`");
        assert_eq!(error(r#""""#).message, "empty phrase");
        assert_eq!(error("-after:2026-01-01").at, 0);
        assert_eq!(error(r#"ab"c"#).at, 2);
        assert_eq!(error("x before:2026-01-01T10:00:00Z").at, 9);
        assert_eq!(error("after:1773480600").at, 6, "digits are not a day");
        assert_eq!(error("after:20260314").at, 6, "only YYYY-MM-DD");
    }

    #[test]
    fn errors_render_with_a_caret() {
        let query = "raid foo:bar";
        assert_eq!(
            error(query).pointed(query),
            "raid foo:bar\n     ^ unknown field `foo:` (fields: title, source, author, tag, org, after, before)"
        );
    }

    #[test]
    fn empty_query_has_no_clauses() {
        assert!(Query::parse("   ").unwrap().clauses.is_empty());
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        assert_eq!(error("état foo:x").at, 5);
    }
}
