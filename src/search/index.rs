//! A word index of the store, so that a one-word term is answered without
//! reading every article.
//!
//! A term without spaces or punctuation can only occur inside words, so its
//! hits in an article are, for every word of the vocabulary that contains
//! it, the occurrences in that word times how often the article uses the
//! word. The index keeps, per distinct word (as written), the articles that
//! use it and how often, in the title and in the body, and where in the
//! article it stands ([`positions`]), so that a phrase of words is found
//! from the places of its words. Other terms and phrases are checked by
//! reading the articles the indexed terms leave.

mod positions;

use std::collections::HashMap;

use crate::entities::WordHash;

use positions::PhraseHits;

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
    /// Per word, the places of the word in each of its postings' articles,
    /// in the postings' order (see [`positions`]).
    places: Vec<Vec<u8>>,
    /// Per article, the place of its body's first word: places before it
    /// are in the title.
    body_starts: Vec<u32>,
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
        // Keys are the index's own copies: a body read from the store file
        // lives only while its article is indexed.
        let mut ids: HashMap<Box<str>, u32, WordHash> = HashMap::default();
        let mut index = Self {
            articles: articles.len(),
            ..Self::default()
        };
        // The article's words, as (word, place), sorted.
        let mut seen: Vec<(u32, u32)> = Vec::new();
        for (number, article) in articles.iter().enumerate() {
            if number % 256 == 0 && stop() {
                return None;
            }
            seen.clear();
            let mut places = positions::Places::default();
            let body = article.body.text();
            for (field, text) in [article.title.as_str(), &body].into_iter().enumerate() {
                if field == 1 {
                    index.body_starts.push(places.start_field());
                }
                for (word, spaced) in positions::words(text) {
                    let id = if let Some(&id) = ids.get(word) {
                        id
                    } else {
                        index.words.push(word.into());
                        index.postings.push(Vec::new());
                        index.places.push(Vec::new());
                        let id = u32::try_from(index.words.len() - 1).unwrap_or(u32::MAX);
                        ids.insert(word.into(), id);
                        id
                    };
                    seen.push((id, places.next(spaced)));
                }
            }
            seen.sort_unstable();
            let article = u32::try_from(number).unwrap_or(u32::MAX);
            let body_start = index.body_starts[number];
            for group in seen.chunk_by(|a, b| a.0 == b.0) {
                let id = group[0].0 as usize;
                let title = group.iter().filter(|(_, at)| *at < body_start).count();
                index.postings[id].push(Posting {
                    article,
                    title: u16::try_from(title).unwrap_or(u16::MAX),
                    body: u16::try_from(group.len() - title).unwrap_or(u16::MAX),
                });
                positions::encode(group.iter().map(|(_, at)| *at), &mut index.places[id]);
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
    let mut phrases: Vec<(usize, Vec<PhraseHits>)> = Vec::new();
    // Any other phrase can only be in an article that has each of its
    // words: the index rules the others out before the phrase is read.
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
        } else if pattern.is_phrase_of_words() {
            phrases.push((position, positions::phrase_hits(index, pattern)));
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
    if indexed.is_empty() && phrases.is_empty() && phrase_words.is_empty() {
        return super::search(query, articles, organisations);
    }
    let counted: Vec<usize> = indexed
        .iter()
        .map(|(i, _)| *i)
        .chain(phrases.iter().map(|(i, _)| *i))
        .collect();
    let mut found = Vec::new();
    for (number, article) in articles.iter().enumerate() {
        if number < index.len() {
            let ruled_out = phrase_words.iter().any(|word| word[number].1 == 0)
                || indexed.iter().any(|(_, hits)| hits[number].1 == 0)
                || phrases
                    .iter()
                    .any(|(_, hits)| hits[number] == PhraseHits::Counted(0, 0));
            if ruled_out {
                continue;
            }
            // Phrases whose places could not count them are read.
            let unread: Vec<usize>;
            let skip = if phrases.iter().any(|(_, h)| h[number] == PhraseHits::Read) {
                unread = counted
                    .iter()
                    .copied()
                    .filter(|position| {
                        !phrases
                            .iter()
                            .any(|(p, hits)| p == position && hits[number] == PhraseHits::Read)
                    })
                    .collect();
                &unread
            } else {
                &counted
            };
            let Some(rest) = evaluate_except(query, skip, number, article, organisations) else {
                continue;
            };
            let known =
                indexed
                    .iter()
                    .map(|(_, hits)| hits[number])
                    .chain(phrases.iter().filter_map(|(_, hits)| match hits[number] {
                        PhraseHits::Counted(title, total) => Some((title, total)),
                        PhraseHits::Read => None,
                    }));
            let (title, total) = known.fold((rest.title, rest.total), |(title, total), (t, n)| {
                (title + t as usize, total + n as usize)
            });
            found.push(Found {
                index: number,
                hits: Hits { title, total },
            });
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
            {"title":"Undated raid","body":"football and a raid aaaa"},
            {"title":"Letters","body":"a ba b, then a b and b a b"}
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
            r#""news agency" "Ferry news""#,
            r#""raid raid""#,
            r#""raid Straße""#,
            r#""raid strasse""#,
            r#""RAID raids""#,
            r#""raid another""#,
            r#""a raid aa""#,
            r#""a b""#,
            r#""b a b""#,
            r#""on servers europol""#,
            "ai",
            "zzz",
        ] {
            let (indexed, scanned) = both(query);
            assert_eq!(indexed, scanned, "{query}");
        }
    }

    #[test]
    fn phrases_of_words_are_counted_from_places() {
        let store = Store::from_json_str(
            "t",
            r#"[
            {"title":"News agency","body":"The news\n\nagency. News agency, newsagency"},
            {"title":"t","body":"news, agency; news-agency"},
            {"title":"t","body":"a ba b"}
        ]"#,
        )
        .unwrap();
        let index = WordIndex::build(&store.articles);
        let hits = |phrase| positions::phrase_hits(&index, &Pattern::new(phrase).unwrap());
        assert_eq!(
            hits("news agency")[..2],
            [PhraseHits::Counted(1, 3), PhraseHits::Counted(0, 0)]
        );
        assert_eq!(hits("News agency")[0], PhraseHits::Counted(1, 2));
        assert_eq!(
            hits("a b")[2],
            PhraseHits::Read,
            "\"ba\" ends one match and may begin the next"
        );
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
            titles in proptest::collection::vec("[a-cA-C ,.]{0,12}", 8),
            query in r#"[a-cA-C]{1,3}( [a-c]{1,2})?( "[a-c]{1,2} [a-cA-C]{1,2}( [a-c]{1,2})?")?"#,
        ) {
            let json: Vec<String> = bodies
                .iter()
                .zip(&titles)
                .map(|(b, t)| serde_json::json!({"title": t, "body": b}).to_string())
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
