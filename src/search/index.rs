//! A word index of the store, so that a one-word term is answered without
//! reading every article.
//!
//! A term without spaces or punctuation can only occur inside words, so its
//! hits in an article are, for every word of the vocabulary that contains
//! it, the occurrences in that word times how often the article uses the
//! word. The index keeps, per distinct word (as written), the articles that
//! use it and how often, in the title and in the body. Other terms and
//! phrases are checked by reading the articles the indexed terms leave.

use std::collections::HashMap;

use crate::entities::WordHash;

use super::evaluate::{Found, Hits, Organisations, evaluate_except, rank};
use super::pattern::Pattern;
use super::query::{Clause, Field, Query};
use crate::store::Article;

/// One article's use of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Posting {
    article: u32,
    title: u16,
    body: u16,
}

/// Words of a store, with the articles that use them.
#[derive(Debug, Default)]
pub struct WordIndex {
    words: Vec<Box<str>>,
    postings: Vec<Vec<Posting>>,
    articles: usize,
}

impl WordIndex {
    /// Indexes every article.
    pub fn build(articles: &[Article]) -> Self {
        Self::build_unless(articles, || false).unwrap_or_default()
    }

    /// Indexes every article, or gives up (`None`) as soon as `stop` says so
    /// (it is asked every few hundred articles).
    pub fn build_unless(articles: &[Article], stop: impl Fn() -> bool) -> Option<Self> {
        let mut ids: HashMap<&str, u32, WordHash> = HashMap::default();
        let mut index = Self {
            articles: articles.len(),
            ..Self::default()
        };
        let mut counts: HashMap<u32, (u16, u16), WordHash> = HashMap::default();
        for (number, article) in articles.iter().enumerate() {
            if number % 256 == 0 && stop() {
                return None;
            }
            counts.clear();
            for (text, in_title) in [
                (article.title.as_str(), true),
                (article.body.as_str(), false),
            ] {
                for word in words(text) {
                    let id = *ids.entry(word).or_insert_with(|| {
                        index.words.push(word.into());
                        index.postings.push(Vec::new());
                        u32::try_from(index.words.len() - 1).unwrap_or(u32::MAX)
                    });
                    let entry = counts.entry(id).or_default();
                    if in_title {
                        entry.0 = entry.0.saturating_add(1);
                    } else {
                        entry.1 = entry.1.saturating_add(1);
                    }
                }
            }
            let article = u32::try_from(number).unwrap_or(u32::MAX);
            for (&id, &(title, body)) in &counts {
                index.postings[id as usize].push(Posting {
                    article,
                    title,
                    body,
                });
            }
        }
        Some(index)
    }

    /// How many articles the index covers.
    pub fn len(&self) -> usize {
        self.articles
    }

    /// Whether the index covers no article.
    pub fn is_empty(&self) -> bool {
        self.articles == 0
    }

    /// Per article, the (title, total) hits of `pattern`, a single word of
    /// letters and digits.
    fn hits(&self, pattern: &Pattern) -> Vec<(u32, u32)> {
        let mut hits = vec![(0u32, 0u32); self.articles];
        for (word, postings) in self.words.iter().zip(&self.postings) {
            let per_word = u32::try_from(pattern.count(word)).unwrap_or(u32::MAX);
            if per_word == 0 {
                continue;
            }
            for posting in postings {
                let slot = &mut hits[posting.article as usize];
                slot.0 += per_word * u32::from(posting.title);
                slot.1 += per_word * (u32::from(posting.title) + u32::from(posting.body));
            }
        }
        hits
    }
}

/// The words of `text`: runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Every article of `articles` that matches, ranked, using `index` for the
/// articles it covers: exactly what [`super::search`] finds.
pub fn search_indexed(
    query: &Query,
    articles: &[Article],
    index: &WordIndex,
    organisations: &dyn Organisations,
) -> Vec<Found> {
    if index.len() > articles.len() {
        return super::search(query, articles, organisations);
    }
    let mut indexed: Vec<(usize, Vec<(u32, u32)>)> = Vec::new();
    // A phrase can only be in an article that has each of its words: the
    // index rules the others out before the phrase is looked for.
    let mut phrase_words: Vec<Vec<(u32, u32)>> = Vec::new();
    for (position, clause) in query.clauses.iter().enumerate() {
        let Clause::Text {
            field: Field::Text,
            pattern,
            negated: false,
        } = clause
        else {
            continue;
        };
        if pattern.is_one_word() {
            indexed.push((position, index.hits(pattern)));
        } else {
            phrase_words.extend(
                pattern
                    .words()
                    .filter(|w| w.chars().all(char::is_alphanumeric))
                    .filter_map(Pattern::new)
                    .map(|word| index.hits(&word)),
            );
        }
    }
    if indexed.is_empty() && phrase_words.is_empty() {
        return super::search(query, articles, organisations);
    }
    let skip: Vec<usize> = indexed.iter().map(|(i, _)| *i).collect();
    let mut found = Vec::new();
    for (number, article) in articles.iter().enumerate() {
        if number < index.len() {
            let ruled_out = phrase_words.iter().any(|word| word[number].1 == 0)
                || indexed.iter().any(|(_, hits)| hits[number].1 == 0);
            if ruled_out {
                continue;
            }
            if let Some(rest) = evaluate_except(query, &skip, number, article, organisations) {
                let (title, total) = indexed.iter().fold((0, 0), |(title, total), (_, hits)| {
                    let (t, n) = hits[number];
                    (title + t as usize, total + n as usize)
                });
                found.push(Found {
                    index: number,
                    hits: Hits {
                        title: title + rest.title,
                        total: total + rest.total,
                    },
                });
            }
        } else if let Some(hits) = super::evaluate(query, number, article, organisations) {
            // Articles added after the index was built are read.
            found.push(Found {
                index: number,
                hits,
            });
        }
    }
    rank(&mut found, articles);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::NoOrganisations;
    use crate::store::Store;
    use proptest::prelude::*;

    fn store() -> Store {
        Store::from_json_str(
            "t",
            r#"[
            {"title":"Raid on servers","body":"Europol raid. Another RAID, raids.","published":"2026-01-03"},
            {"title":"Weather","body":"raid raid Straße","published":"2026-01-05"},
            {"title":"Ferry news","body":"The news\nagency said the ferry runs.","published":"2025-12-01"},
            {"title":"Undated raid","body":"football and a raid aaaa"}
        ]"#,
        )
        .unwrap()
    }

    fn both(query: &str) -> (Vec<Found>, Vec<Found>) {
        let store = store();
        let index = WordIndex::build(&store.articles);
        let query = Query::parse(query).unwrap();
        (
            search_indexed(&query, &store.articles, &index, &NoOrganisations),
            crate::search::search(&query, &store.articles, &NoOrganisations),
        )
    }

    #[test]
    fn indexed_search_finds_what_the_scan_finds() {
        for query in [
            "raid",
            "RAID",
            "raid europol",
            "raid -football",
            r#""news agency""#,
            "strasse",
            "aa",
            "title:raid raid",
            r#""ferry runs" "the news""#,
            r#""Raid on" raid"#,
            "ai",
            "zzz",
        ] {
            let (indexed, scanned) = both(query);
            assert_eq!(indexed, scanned, "{query}");
        }
    }

    #[test]
    fn articles_beyond_the_index_are_read() {
        let store = store();
        let index = WordIndex::build(&store.articles[..2]);
        let query = Query::parse("raid").unwrap();
        assert_eq!(
            search_indexed(&query, &store.articles, &index, &NoOrganisations),
            crate::search::search(&query, &store.articles, &NoOrganisations)
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn indexed_and_scanned_agree(
            bodies in proptest::collection::vec("[a-cA-C ,.\n]{0,40}", 1..8),
            query in r#"[a-cA-C]{1,3}( [a-c]{1,2})?( "[a-c]{1,2} [a-cA-C]{1,2}")?"#,
        ) {
            let json: Vec<String> = bodies
                .iter()
                .map(|b| serde_json::json!({"title": "t", "body": b}).to_string())
                .collect();
            let store = Store::from_json_str("p", &format!("[{}]", json.join(","))).unwrap();
            let index = WordIndex::build(&store.articles);
            let query = Query::parse(&query).unwrap();
            prop_assert_eq!(
                search_indexed(&query, &store.articles, &index, &NoOrganisations),
                crate::search::search(&query, &store.articles, &NoOrganisations)
            );
        }
    }
}
