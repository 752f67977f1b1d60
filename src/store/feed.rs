//! RSS 0.90, 0.91, 0.92, 1.0 and 2.0 and Atom 1.0 feeds, read with `feed-rs`.
//!
//! feed-rs reads every flavour into one model; each entry becomes one
//! article, numbered from 0 in document order, its `source` from
//! `feed.title` (the channel's or feed's `title`) and its `id` from
//! `entry.id` (`guid`, Atom `id`), else the URL, else derived from title and
//! body. A file goes through these steps, one module each:
//! - `prolog` finds the root element past the XML prolog, without parsing;
//!   that is all `looks_like_feed` asks;
//! - `prepared` rewrites the few bytes feed-rs would misread (a declared
//!   encoding, an `<rss version>` it does not know, RSS 0.90's namespace);
//! - `parser` runs feed-rs with no made-up ids, catches its panics and puts
//!   its errors in words;
//! - `fault` finds the line and column of an XML fault, which neither
//!   feed-rs nor quick-xml tells;
//! - `entry` takes each entry's title, body, author, date, link and tags.
//!
//! What cannot be turned off: feed-rs trims every text, normalises links
//! (`url` adds a trailing slash to a bare host and resolves `xml:base`), reads
//! dates leniently (RFC 3339, RFC 2822 with `UT`, `GMT`, US zone names and
//! military letters, and some broken forms) and drops a date it cannot read
//! (`CET`, `BST`), leaving the article undated. It leaves out RSS 1.0 items
//! without a `link`, and refuses a whole feed over one Atom text or
//! `media:` text with an unknown `type` or an empty Atom `content` of another
//! type.

mod entry;
mod fault;
#[cfg(test)]
mod fixtures;
mod parser;
mod prepared;
mod prolog;

use std::path::Path;

use feed_rs::model::FeedType;

use super::{Article, Loading, Published, StoreError, derived_id};
use entry::{author, body_text, entry_url, published_seconds, tags, title_text};
use prolog::{element_name, is_feed_root, root_element};

/// Whether `text` starts (after a byte-order mark, white space, an XML
/// declaration, comments, processing instructions and a DOCTYPE) with the
/// root element of a feed: `rss`, `RDF` with any prefix, or `feed`.
///
/// Only the start of the text is looked at; nothing is parsed.
pub(super) fn looks_like_feed(text: &str) -> bool {
    root_element(text).is_some_and(|at| is_feed_root(element_name(text, at)))
}

/// Reads the feed in `text` (the contents of `path`) into `loading`.
///
/// A file that is not a feed or does not parse is an error naming the file
/// and, when there is one, the place; nothing of it is kept.
pub(super) fn parse_feed(path: &Path, text: &str, loading: &mut Loading) -> Result<(), StoreError> {
    // The whole feed is read before the first article is added, so a file
    // that fails adds nothing and there is nothing to roll back.
    let feed = parser::read(text).map_err(|fault| fault.into_error(path, text))?;
    let atom = feed.feed_type == FeedType::Atom;
    let source = feed
        .title
        .as_ref()
        .map(title_text)
        .filter(|s| !s.is_empty());
    for (index, entry) in feed.entries.iter().enumerate() {
        let title = entry.title.as_ref().map(title_text).unwrap_or_default();
        let body = body_text(entry, atom);
        // The parser leaves the id of an entry without one empty.
        let own_id = Some(entry.id.trim()).filter(|id| !id.is_empty());
        let url = entry_url(entry, atom, own_id);
        if title.is_empty() && body.is_empty() {
            let id = own_id.map(str::to_owned).or(url);
            loading.problem(index, id, "no title or body".to_owned(), true);
            continue;
        }
        let id = own_id.map_or_else(|| derived_id(url.as_deref(), &title, &body), str::to_owned);
        let title = if title.is_empty() {
            super::convert::title_from(&body)
        } else {
            title
        };
        let article = Article {
            id,
            title,
            body: body.into(),
            source: source.clone(),
            author: author(entry, &feed),
            published: published_seconds(entry).and_then(|s| Published::from_unix(s).ok()),
            url,
            tags: tags(entry),
        };
        loading.push(article, index);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use fixtures::{PATH, articles, load, rss2};
    use proptest::prelude::*;

    #[test]
    fn rss_091_items_become_articles() {
        let text = r#"<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
  "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91">
<channel>
<title>Valley Courier</title>
<link>http://courier.example/</link>
<description>Farm and town news</description>
<language>en-us</language>
<item>
<title>Mill reopens after the flood</title>
<link>http://courier.example/mill</link>
<description>The mill on Ridge Road opened again on Monday.

Repairs took eight months.</description>
</item>
</channel>
</rss>"#;
        let [mill] = &articles(text)[..] else {
            panic!("one article")
        };
        assert_eq!(mill.title, "Mill reopens after the flood");
        assert_eq!(mill.source.as_deref(), Some("Valley Courier"));
        assert_eq!(mill.url.as_deref(), Some("http://courier.example/mill"));
        assert_eq!(
            mill.id,
            derived_id(Some("http://courier.example/mill"), "", "")
        );
        assert_eq!(
            mill.body,
            "The mill on Ridge Road opened again on Monday.\n\nRepairs took eight months."
        );
        assert_eq!((&mill.author, &mill.published), (&None, &None));
    }

    #[test]
    fn an_item_with_neither_title_nor_body_is_a_skipped_problem() {
        let text = rss2(
            "<item><title>Kept</title></item>\
             <item><guid>empty-1</guid><link>https://gazette.example/empty</link></item>\
             <item><title>  </title><description> </description></item>",
        );
        let loading = load(&text).unwrap();
        assert_eq!(loading.store.articles.len(), 1);
        assert_eq!(loading.origins[0].index, 0);
        let messages: Vec<_> = loading
            .store
            .problems
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            messages,
            [
                "news.xml: article 1 (id \"empty-1\"): no title or body [skipped]",
                "news.xml: article 2: no title or body [skipped]",
            ]
        );
    }

    #[test]
    fn a_feed_that_fails_adds_nothing() {
        let mut loading = Loading::new("two".into(), u64::MAX, None, false);
        loading.begin_file(Path::new("a.xml"));
        parse_feed(
            Path::new("a.xml"),
            &rss2("<item><title>Kept</title></item><item></item>"),
            &mut loading,
        )
        .unwrap();
        assert_eq!(
            (loading.store.articles.len(), loading.store.problems.len()),
            (1, 1)
        );
        loading.begin_file(Path::new("b.xml"));
        let broken = rss2("<item><title>Lost</title></item><item></item><item><title>x</y></item>");
        assert!(parse_feed(Path::new("b.xml"), &broken, &mut loading).is_err());
        assert_eq!(
            (loading.store.articles.len(), loading.store.problems.len()),
            (1, 1)
        );
        assert_eq!(loading.origins.len(), 1);
    }

    proptest! {
        #[test]
        fn feed_like_text_never_panics_and_errors_are_one_line(
            text in r#"(<rss version="2.0">|<channel>|</channel>|<item>|</item>|<title>|</title>|<link>|</link>|<guid>|</guid>|<description>|</description>|<pubDate>|</pubDate>|<category>|</category>|<!\[CDATA\[|\]\]>|&amp;|&#[0-9x]{1,4};|<!--|-->|<[a-z]{1,3}>|</[a-z]{1,3}>|https://x\.example/[a-z]{0,3}|Mon, 0[1-9] Nov 2025 1[0-9]:00:00 (GMT|\+0000|EST)|[a-zé <>&"'=/]|\n){0,60}"#,
        ) {
            match load(&text) {
                Ok(loading) => {
                    for article in &loading.store.articles {
                        prop_assert!(!article.id.is_empty());
                    }
                }
                Err(err) => {
                    let message = err.to_string();
                    prop_assert!(message.starts_with(PATH), "{}", message);
                    prop_assert!(!message.contains('\n'), "one line: {:?}", message);
                }
            }
        }
    }
}
