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

use crate::column::{Column, Ragged};

use positions::PhraseHits;

use super::evaluate::{Found, Hits, Organisations, evaluate_except, rank};
use super::pattern::Pattern;
use super::query::{Clause, Field, Query};
use crate::store::Article;

/// One article's use of a word: the article, its hits in the title and in
/// the body.
type Posting = [u32; 3];

/// Words of a store, with the articles that use them.
///
/// Every part is a flat [`Column`], so that an index read from the cache is
/// used in place, without a copy.
#[derive(Debug, Default)]
pub struct WordIndex {
    /// Per distinct word (as written), its bytes.
    words: Ragged<u8>,
    /// Per word, the articles that use it, ascending.
    postings: Ragged<Posting>,
    /// Per word, the places of the word in each of its postings' articles,
    /// in the postings' order (see [`positions`]).
    places: Ragged<u8>,
    /// Per article, the place of its body's first word: places before it
    /// are in the title.
    body_starts: Column<u32>,
    articles: usize,
}

/// The parts of a [`WordIndex`], as the cache keeps them.
#[derive(Debug, Default)]
pub struct WordColumns {
    /// Per word, its bytes (UTF-8).
    pub words: Ragged<u8>,
    /// Per word, `[article, title hits, body hits]` per article using it.
    pub postings: Ragged<[u32; 3]>,
    /// Per word, its places, packed.
    pub places: Ragged<u8>,
    /// Per article, the place of its body's first word.
    pub body_starts: Column<u32>,
}

impl WordIndex {
    /// Indexes every article.
    pub fn build(articles: &[Article]) -> Self {
        Self::build_unless(articles, || false).unwrap_or_default()
    }

    /// Indexes every article, or gives up (`None`) as soon as `stop` says so
    /// (it is asked every few hundred articles).
    pub fn build_unless(articles: &[Article], stop: impl Fn() -> bool) -> Option<Self> {
        Self::build_watched(articles, |done| done % 256 != 0 || !stop())
    }

    /// Indexes every article, telling `go_on` how many are done before each;
    /// gives up (`None`) as soon as it answers `false`.
    pub fn build_watched(
        articles: &[Article],
        mut go_on: impl FnMut(usize) -> bool,
    ) -> Option<Self> {
        // Words come from the store, which anyone may have written: their
        // table is keyed with a hasher seeded anew in each process, so that
        // no store can be made to collide.
        let mut ids: HashMap<Box<str>, u32, foldhash::fast::RandomState> = HashMap::default();
        let mut words: Vec<Vec<u8>> = Vec::new();
        let mut postings: Vec<Vec<Posting>> = Vec::new();
        let mut places_of: Vec<Vec<u8>> = Vec::new();
        let mut body_starts = Vec::with_capacity(articles.len());
        // The article's words, as (word, place), sorted.
        let mut seen: Vec<(u32, u32)> = Vec::new();
        for (number, article) in articles.iter().enumerate() {
            if !go_on(number) {
                return None;
            }
            seen.clear();
            let mut places = positions::Places::default();
            let body = article.body.text();
            for (field, text) in [article.title.as_str(), &body].into_iter().enumerate() {
                if field == 1 {
                    body_starts.push(places.start_field());
                }
                for (word, spaced) in positions::words(text) {
                    let id = if let Some(&id) = ids.get(word) {
                        id
                    } else {
                        words.push(word.as_bytes().to_vec());
                        postings.push(Vec::new());
                        places_of.push(Vec::new());
                        let id = u32::try_from(words.len() - 1).unwrap_or(u32::MAX);
                        ids.insert(word.into(), id);
                        id
                    };
                    seen.push((id, places.next(spaced)));
                }
            }
            seen.sort_unstable();
            let article = u32::try_from(number).unwrap_or(u32::MAX);
            let body_start = body_starts[number];
            for group in seen.chunk_by(|a, b| a.0 == b.0) {
                let id = group[0].0 as usize;
                let title = group.iter().filter(|(_, at)| *at < body_start).count();
                // Counts are as wide as the scan's, so that both agree on
                // an article of any length.
                let title = u32::try_from(title).unwrap_or(u32::MAX);
                let body = u32::try_from(group.len()).unwrap_or(u32::MAX) - title;
                postings[id].push([article, title, body]);
                positions::encode(group.iter().map(|(_, at)| *at), &mut places_of[id]);
            }
            if number % 256 == 255 {
                // Every body is read once here: a large store's stays on disk.
                crate::store::release_bodies(&articles[number - 255..=number]);
            }
        }
        Some(Self {
            words: Ragged::pack(words),
            postings: Ragged::pack(postings),
            places: Ragged::pack(places_of),
            body_starts: body_starts.into(),
            articles: articles.len(),
        })
    }

    /// An index made of columns read back from the cache, for `articles`
    /// articles; `None` unless the parts agree with each other.
    pub fn from_columns(columns: WordColumns, articles: usize) -> Option<Self> {
        let WordColumns {
            words,
            postings,
            places,
            body_starts,
        } = columns;
        // Only what is small is read here: the postings (hundreds of
        // megabytes, used in place) are read only where a search needs them,
        // and an article past the index there is passed over.
        let agree = words.len() == postings.len()
            && words.len() == places.len()
            && body_starts.len() == articles
            && std::str::from_utf8(words.values.as_slice()).is_ok();
        agree.then_some(Self {
            words,
            postings,
            places,
            body_starts,
            articles,
        })
    }

    /// The parts, to be kept in the cache.
    pub fn columns(&self) -> WordColumns {
        WordColumns {
            words: self.words.clone(),
            postings: self.postings.clone(),
            places: self.places.clone(),
            body_starts: self.body_starts.clone(),
        }
    }

    /// The distinct words, with their ids.
    fn words(&self) -> impl Iterator<Item = (usize, &str)> {
        (0..self.words.len()).map(|id| (id, std::str::from_utf8(self.words.get(id)).unwrap_or("")))
    }

    /// The articles that use word `id`.
    fn postings(&self, id: usize) -> &[Posting] {
        self.postings.get(id)
    }

    /// The places of word `id`, packed.
    fn places(&self, id: usize) -> &[u8] {
        self.places.get(id)
    }

    /// Where the body of `article` starts.
    fn body_start(&self, article: usize) -> u32 {
        self.body_starts
            .as_slice()
            .get(article)
            .copied()
            .unwrap_or(0)
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
        for (id, word) in self.words() {
            let per_word = u32::try_from(pattern.count(word)).unwrap_or(u32::MAX);
            if per_word == 0 {
                continue;
            }
            for &[article, title, body] in self.postings(id) {
                let Some(slot) = hits.get_mut(article as usize) else {
                    continue;
                };
                slot.0 = slot.0.saturating_add(per_word.saturating_mul(title));
                let total = per_word.saturating_mul(title.saturating_add(body));
                slot.1 = slot.1.saturating_add(total);
            }
        }
        hits
    }
}

/// What the index answers of a query's clauses, per article it covers.
struct Answered {
    /// One-word clauses: their position in the query, and (title, total)
    /// hits.
    indexed: Vec<(usize, Vec<(u32, u32)>)>,
    /// Phrases of words: their position, and their hits.
    phrases: Vec<(usize, Vec<PhraseHits>)>,
    /// Any other phrase can only be in an article that has each of its
    /// words: the hits of those words rule the others out before the
    /// phrase is read.
    phrase_words: Vec<Vec<(u32, u32)>>,
}

fn answered(query: &Query, index: &WordIndex) -> Answered {
    let mut answered = Answered {
        indexed: Vec::new(),
        phrases: Vec::new(),
        phrase_words: Vec::new(),
    };
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
            answered.indexed.push((position, index.hits(pattern)));
        } else if pattern.is_phrase_of_words() {
            let hits = positions::phrase_hits(index, pattern);
            answered.phrases.push((position, hits));
        } else {
            answered.phrase_words.extend(
                pattern
                    .words()
                    .filter(|w| w.chars().all(char::is_alphanumeric))
                    .filter_map(Pattern::new)
                    .map(|word| index.hits(&word)),
            );
        }
    }
    answered
}

/// Every article of `articles` that matches, ranked, using `index` for the
/// articles it covers: what [`super::search`] finds (a property test holds
/// the two together over folding letters, fields, `or`, exclusions and
/// phrases).
pub fn search_indexed(
    query: &Query,
    articles: &[Article],
    index: &WordIndex,
    organisations: &dyn Organisations,
) -> Vec<Found> {
    if index.len() > articles.len() {
        return super::search(query, articles, organisations);
    }
    let Answered {
        indexed,
        phrases,
        phrase_words,
    } = answered(query, index);
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

    #[test]
    fn counts_past_sixty_five_thousand_agree_with_the_scan() {
        let body = "raid ".repeat(70_000) + "\n\nraid raid";
        let articles = vec![Article::new("raid in the title", body)];
        let index = WordIndex::build(&articles);
        let query = Query::parse("raid").unwrap();
        let indexed = search_indexed(&query, &articles, &index, &NoOrganisations);
        let scanned = crate::search::search(&query, &articles, &NoOrganisations);
        assert_eq!(indexed, scanned);
        assert_eq!(indexed[0].hits.total, 70_003);
        assert_eq!(indexed[0].hits.title, 1);
    }

    #[test]
    fn an_index_read_back_from_its_columns_answers_the_same() {
        let store = store();
        let built = WordIndex::build(&store.articles);
        let again = WordIndex::from_columns(built.columns(), store.articles.len()).unwrap();
        for query in ["raid", "\"news agency\"", "b a b", "straße"] {
            let query = Query::parse(query).unwrap();
            assert_eq!(
                search_indexed(&query, &store.articles, &again, &NoOrganisations),
                search_indexed(&query, &store.articles, &built, &NoOrganisations),
            );
        }
        assert!(
            WordIndex::from_columns(built.columns(), 2).is_none(),
            "columns for five articles are not an index of two"
        );
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
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn indexed_and_scanned_agree(
            // Letters that fold to others (ß, the ﬁ ligature, the micro
            // sign and mu, the Kelvin sign) as well as plain ones.
            bodies in proptest::collection::vec("[a-cA-Cßﬁµμ\u{212A}k ,.\n]{0,40}", 1..8),
            titles in proptest::collection::vec("[a-cA-Cßﬁμk ,.]{0,12}", 8),
            query in r#"(-|title:)?([a-cA-Cμk]|ss|fi){1,3}( or [a-c]{1,2})?( -?[a-cß]{1,2})?( "[a-c]{1,2} [a-cA-C]{1,2}( [a-c]{1,2})?")?"#,
        ) {
            let json: Vec<String> = bodies
                .iter()
                .zip(&titles)
                .map(|(b, t)| serde_json::json!({"title": t, "body": b}).to_string())
                .collect();
            let store = Store::from_json_str("p", &format!("[{}]", json.join(","))).unwrap();
            let index = WordIndex::build(&store.articles);
            let Ok(query) = Query::parse(&query) else {
                return Ok(());
            };
            prop_assert_eq!(
                search_indexed(&query, &store.articles, &index, &NoOrganisations),
                crate::search::search(&query, &store.articles, &NoOrganisations)
            );
        }
    }
}
