//! Which articles a query matches, how many hits each has, and in what
//! order they come.
//!
//! Hits of an article: the non-overlapping occurrences of each positive
//! term or phrase in the fields it searches, summed. Ranking: more hits in
//! the title first, then more hits in all, then newer first, then store
//! order.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::cmp::Reverse;

use super::pattern::Pattern;
use super::query::{Clause, Field, Query};
use crate::store::Article;

/// The hits of one matching article.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hits {
    /// Occurrences in the title.
    pub title: usize,
    /// Occurrences in all searched fields, the title included.
    pub total: usize,
}

/// An article that matches, by its index in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// Index of the article in the store.
    pub index: usize,
    /// Its hits.
    pub hits: Hits,
}

/// Answers `org:` clauses: whether article `index` names an organisation
/// called `name` (canonical name or alias, any case).
pub trait Organisations {
    /// Whether the article names it.
    fn names(&self, index: usize, name: &str) -> bool;
}

/// For queries without `org:` clauses, or stores without recognition.
pub struct NoOrganisations;

impl Organisations for NoOrganisations {
    fn names(&self, _: usize, _: &str) -> bool {
        false
    }
}

/// The hits of article `index` if it matches `query`, else `None`.
pub fn evaluate(
    query: &Query,
    index: usize,
    article: &Article,
    organisations: &dyn Organisations,
) -> Option<Hits> {
    evaluate_except(query, &[], index, article, organisations)
}

/// Like [`evaluate`], leaving out the clauses at positions `skip` (answered
/// elsewhere, from an index).
pub fn evaluate_except(
    query: &Query,
    skip: &[usize],
    index: usize,
    article: &Article,
    organisations: &dyn Organisations,
) -> Option<Hits> {
    let mut hits = Hits::default();
    // The body is read (from the store file, if it stays there) only if a
    // clause asks for it, and once.
    let body = OnceCell::new();
    // Cheap clauses (dates, organisations) first: they rule most articles
    // out without reading a word.
    let cheap = |clause: &Clause| !matches!(clause, Clause::Text { .. });
    let ordered = query
        .clauses
        .iter()
        .enumerate()
        .filter(|(_, c)| cheap(c))
        .chain(query.clauses.iter().enumerate().filter(|(_, c)| !cheap(c)));
    for (position, clause) in ordered {
        if skip.contains(&position) {
            continue;
        }
        match clause {
            Clause::Text {
                field,
                pattern,
                negated: true,
            } => {
                if fields(*field, article, &body).any(|(_, text)| pattern.is_in(text)) {
                    return None;
                }
            }
            Clause::Text {
                field,
                pattern,
                negated: false,
            } => {
                let (title, total) = count(*field, pattern, article, &body);
                if total == 0 {
                    return None;
                }
                hits.title += title;
                hits.total += total;
            }
            Clause::Organisation { name, negated } => {
                if organisations.names(index, name) == *negated {
                    return None;
                }
            }
            Clause::After(day) => {
                if article
                    .published
                    .as_ref()
                    .is_none_or(|p| p.epoch_seconds() < *day)
                {
                    return None;
                }
            }
            Clause::Before(end) => {
                if article
                    .published
                    .as_ref()
                    .is_none_or(|p| p.epoch_seconds() > *end)
                {
                    return None;
                }
            }
        }
    }
    Some(hits)
}

/// Occurrences of `pattern` in the title and in all of `field`.
fn count<'a>(
    field: Field,
    pattern: &Pattern,
    article: &'a Article,
    body: &'a OnceCell<Cow<'a, str>>,
) -> (usize, usize) {
    fields(field, article, body).fold((0, 0), |(title, total), (is_title, text)| {
        let n = pattern.count(text);
        (title + if is_title { n } else { 0 }, total + n)
    })
}

/// The texts a field covers, each marked if it is the title; `body`
/// holds the article's text once it has been read.
fn fields<'a>(
    field: Field,
    article: &'a Article,
    body: &'a OnceCell<Cow<'a, str>>,
) -> Box<dyn Iterator<Item = (bool, &'a str)> + 'a> {
    match field {
        Field::Text => Box::new(
            [
                (true, article.title.as_str()),
                (false, &**body.get_or_init(|| article.body.text())),
            ]
            .into_iter(),
        ),
        Field::Title => Box::new(std::iter::once((true, article.title.as_str()))),
        Field::Source => Box::new(article.source.as_deref().map(|s| (false, s)).into_iter()),
        Field::Author => Box::new(article.author.as_deref().map(|s| (false, s)).into_iter()),
        Field::Tag => Box::new(article.tags.iter().map(|t| (false, t.as_str()))),
    }
}

/// Every article of `articles` that matches, ranked.
pub fn search(
    query: &Query,
    articles: &[Article],
    organisations: &dyn Organisations,
) -> Vec<Found> {
    search_unless(query, articles, organisations, || false).unwrap_or_default()
}

/// Like [`search`], or gives up (`None`) as soon as `stop` says so (it is
/// asked every few hundred articles).
pub fn search_unless(
    query: &Query,
    articles: &[Article],
    organisations: &dyn Organisations,
    stop: impl Fn() -> bool,
) -> Option<Vec<Found>> {
    let mut found = Vec::new();
    for (index, article) in articles.iter().enumerate() {
        if index % 256 == 0 {
            if stop() {
                return None;
            }
            // A scan reads every body: a large store's stays on disk.
            crate::store::release_bodies(&articles[index.saturating_sub(256)..index]);
        }
        if let Some(hits) = evaluate(query, index, article, organisations) {
            found.push(Found { index, hits });
        }
    }
    rank(&mut found, articles);
    Some(found)
}

/// Sorts by title hits, then all hits, then newest first (stable: store
/// order breaks the last ties).
pub fn rank(found: &mut [Found], articles: &[Article]) {
    found.sort_by_key(|f| {
        let date = articles[f.index]
            .published
            .as_ref()
            .map(crate::store::Published::epoch_seconds);
        (Reverse(f.hits.title), Reverse(f.hits.total), Reverse(date))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn store() -> Store {
        Store::from_json_str(
            "t",
            r#"[
            {"id":"a","title":"Raid on servers","body":"Europol raid. Another raid.","published":"2026-01-03","source":"Harbour Ledger","tags":["police"]},
            {"id":"b","title":"Weather","body":"raid raid raid raid","published":"2026-01-05","author":"Ann Varga"},
            {"id":"c","title":"Ferry news","body":"The news\nagency said the ferry runs.","published":"2025-12-01","tags":["transport"]},
            {"id":"d","title":"Undated raid","body":"football and a raid"}
        ]"#,
        )
        .unwrap()
    }

    fn ids(query: &str) -> Vec<String> {
        let store = store();
        let query = Query::parse(query).unwrap();
        search(&query, &store.articles, &NoOrganisations)
            .into_iter()
            .map(|f| store.articles[f.index].id.clone())
            .collect()
    }

    #[test]
    fn title_hits_rank_first_then_hits_then_newest() {
        // a: title 1, total 3; b: title 0, total 4; d: title 1, total 2.
        assert_eq!(ids("raid"), ["a", "d", "b"]);
    }

    #[test]
    fn every_term_must_match() {
        assert_eq!(ids("raid europol"), ["a"]);
        assert!(ids("raid ferry").is_empty());
    }

    #[test]
    fn exclusion_removes_articles() {
        assert_eq!(ids("raid -football"), ["a", "b"]);
        assert_eq!(ids(r#"raid -"europol raid""#), ["d", "b"]);
    }

    #[test]
    fn phrases_cross_line_breaks() {
        assert_eq!(ids(r#""news agency""#), ["c"]);
    }

    #[test]
    fn fields_restrict_where_terms_look() {
        assert_eq!(ids("title:raid"), ["a", "d"]);
        assert_eq!(ids("source:harbour"), ["a"]);
        assert_eq!(ids("author:varga"), ["b"]);
        assert_eq!(ids("tag:transport"), ["c"]);
    }

    #[test]
    fn dates_bound_the_publication_day_and_exclude_undated() {
        assert_eq!(ids("raid after:2026-01-04"), ["b"]);
        assert_eq!(ids("raid before:2026-01-03"), ["a"]);
        assert_eq!(ids("after:2025-01-01 before:2025-12-31"), ["c"]);
    }

    #[test]
    fn hits_sum_every_positive_clause() {
        let store = store();
        let query = Query::parse("raid servers").unwrap();
        let a = store.articles.iter().position(|a| a.id == "a").unwrap();
        let hits = evaluate(&query, a, &store.articles[a], &NoOrganisations).unwrap();
        assert_eq!(hits, Hits { title: 2, total: 4 });
    }

    #[test]
    fn hits_are_counted_without_a_ceiling() {
        let article = Article::new("raid", "raid ".repeat(70_000));
        let query = Query::parse("raid").unwrap();
        let hits = evaluate(&query, 0, &article, &NoOrganisations).unwrap();
        assert_eq!(
            hits,
            Hits {
                title: 1,
                total: 70_001
            }
        );
    }

    #[test]
    fn folded_text_is_found_and_counted() {
        let article = Article::new("Kelvin", "\u{212A}elvin, ﬁnance, ſcience");
        let hits =
            |query: &str| evaluate(&Query::parse(query).unwrap(), 0, &article, &NoOrganisations);
        assert_eq!(hits("kelvin"), Some(Hits { title: 1, total: 2 }));
        assert_eq!(
            hits("Kelvin"),
            Some(Hits { title: 1, total: 1 }),
            "smart case"
        );
        assert_eq!(hits("finance science"), Some(Hits { title: 0, total: 2 }));
    }

    /// Article "a" (second in the store, newest first) names Europol.
    struct Named;
    impl Organisations for Named {
        fn names(&self, index: usize, name: &str) -> bool {
            index == 1 && name.eq_ignore_ascii_case("europol")
        }
    }

    #[test]
    fn organisation_clauses_ask_the_index() {
        let store = store();
        let query = Query::parse("org:EUROPOL").unwrap();
        let found = search(&query, &store.articles, &Named);
        assert_eq!(found.len(), 1);
        assert_eq!(store.articles[found[0].index].id, "a");
        let query = Query::parse("raid -org:europol").unwrap();
        assert_eq!(search(&query, &store.articles, &Named).len(), 2);
    }

    #[test]
    fn ties_keep_store_order() {
        let store = Store::from_json_str(
            "t",
            r#"[
            {"id":"x","title":"t","body":"raid","published":"2026-01-05"},
            {"id":"y","title":"t","body":"raid","published":"2026-01-05"},
            {"id":"z","title":"t","body":"raid","published":"2026-01-05"}
        ]"#,
        )
        .unwrap();
        let query = Query::parse("raid").unwrap();
        let found = search(&query, &store.articles, &NoOrganisations);
        let ids: Vec<&str> = found
            .iter()
            .map(|f| store.articles[f.index].id.as_str())
            .collect();
        assert_eq!(ids, ["x", "y", "z"]);
    }
}
