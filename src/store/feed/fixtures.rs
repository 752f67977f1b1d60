//! Feeds and loading shared by the tests of the feed modules.

use std::path::Path;

use feed_rs::model::Entry;

use super::parse_feed;
use super::parser::read;
use crate::store::{Article, Failure, Loading, StoreError};

/// The file name every test feed is loaded as.
pub(super) const PATH: &str = "news.xml";

/// Loads `text` as the one file of a new store.
pub(super) fn load(text: &str) -> Result<Loading, StoreError> {
    let mut loading = Loading::new(PATH.into(), u64::MAX, None, false);
    loading.begin_file(Path::new(PATH));
    parse_feed(Path::new(PATH), text, &mut loading)?;
    Ok(loading)
}

/// The articles in document order (`Loading::finish` would sort them).
#[track_caller]
pub(super) fn articles(text: &str) -> Vec<Article> {
    let loading = load(text).unwrap();
    assert!(
        loading.store.problems.is_empty(),
        "{:?}",
        loading.store.problems
    );
    loading.store.articles
}

/// The entries as feed-rs gives them, for what the mapping decides.
#[track_caller]
pub(super) fn entries(text: &str) -> Vec<Entry> {
    read(text).unwrap().entries
}

/// The error `text` fails with, which must be one line naming the file.
#[track_caller]
pub(super) fn failure(text: &str) -> StoreError {
    let err = load(text).err().unwrap();
    let message = err.to_string();
    assert!(message.starts_with(PATH), "{message}");
    assert!(!message.contains('\n'), "one line: {message:?}");
    assert_eq!(err.failure(), Failure::Malformed);
    err
}

/// An RSS 2.0 channel holding `items`.
pub(super) fn rss2(items: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>The Harbour Gazette</title>
<link>https://gazette.example/</link>
<description>News from the quays</description>
{items}
</channel>
</rss>
"#
    )
}

/// An Atom feed with a feed-wide author, holding `entries`.
pub(super) fn atom(entries: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
<title>Signal Desk</title>
<id>tag:signal.example,2026:feed</id>
<updated>2026-01-22T00:00:00Z</updated>
<author><name>Signal Newsroom</name></author>
{entries}
</feed>
"#
    )
}
