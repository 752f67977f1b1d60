//! The sample store built into the binary holds what a newcomer needs to
//! try every feature.

use newsdesk::entities::{Kind, Recogniser};
use newsdesk::store::Store;

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

#[test]
fn sample_has_dated_sourced_articles_on_varied_topics() {
    let store = Store::sample();
    assert!(store.problems.is_empty(), "{:?}", store.problems);
    assert!(store.articles.len() >= 15);
    for article in &store.articles {
        assert!(article.published.is_some(), "{} is undated", article.id);
        assert!(article.source.is_some(), "{} has no source", article.id);
    }
    let tags: Vec<&str> = store
        .articles
        .iter()
        .flat_map(|a| &a.tags)
        .map(String::as_str)
        .collect();
    for topic in [
        "police",
        "propaganda",
        "election",
        "business",
        "science",
        "sport",
    ] {
        assert!(
            tags.iter().any(|t| t.contains(topic)),
            "no article tagged {topic}: {tags:?}"
        );
    }
}

#[test]
fn sample_has_a_long_article() {
    let store = Store::sample();
    assert!(
        store
            .articles
            .iter()
            .any(|a| words(&a.body.text()) >= 3_000)
    );
}

#[test]
fn sample_has_accented_cjk_and_emoji_text() {
    let store = Store::sample();
    let mixed = store.articles.iter().find(|a| {
        let has = |range: std::ops::RangeInclusive<char>| {
            a.body.text().chars().any(|c| range.contains(&c))
        };
        has('À'..='ÿ') && has('\u{4e00}'..='\u{9fff}') && has('\u{1f300}'..='\u{1faff}')
    });
    assert!(mixed.is_some());
}

#[test]
fn sample_is_dense_in_organisations_but_one_article_names_none() {
    let store = Store::sample();
    let recogniser = Recogniser::builtin().expect("the built-in gazetteer builds");
    let mut without = 0;
    for article in &store.articles {
        let mentions = recogniser.recognise(&article.body.text());
        let distinct = newsdesk::entities::summarise(&mentions);
        if distinct.is_empty() {
            without += 1;
        } else {
            assert!(
                distinct.len() >= 4,
                "{} names only {distinct:?}",
                article.id
            );
            assert!(
                distinct.iter().any(|n| n.kind == Kind::Agency)
                    || distinct.iter().any(|n| n.kind == Kind::Outlet)
            );
        }
    }
    assert_eq!(without, 1, "exactly one article names no organisation");
}
