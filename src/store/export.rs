//! An article written in newsdesk's own store format, as `export` and
//! `import` write it: one JSON object, fields left out when empty.

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::Article;

impl Serialize for Article {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", &self.id)?;
        map.serialize_entry("title", &self.title)?;
        map.serialize_entry("body", &*self.body.text())?;
        if let Some(source) = &self.source {
            map.serialize_entry("source", source)?;
        }
        if let Some(author) = &self.author {
            map.serialize_entry("author", author)?;
        }
        if let Some(published) = &self.published {
            map.serialize_entry("published", published.as_str())?;
        }
        if let Some(url) = &self.url {
            map.serialize_entry("url", url)?;
        }
        if !self.tags.is_empty() {
            map.serialize_entry("tags", &self.tags)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use crate::store::{Article, Published, Store};

    #[test]
    fn an_article_is_written_in_the_store_format_and_reads_back_the_same() {
        let mut full = Article::new("Raid", "First.\n\nSecond.");
        full.id = "raid-1".into();
        full.source = Some("Harbour Ledger".into());
        full.author = Some("Ines Varga".into());
        full.published = Some(Published::parse("2026-03-14T10:30:00+01:00").unwrap());
        full.url = Some("https://example.org/raid".into());
        full.tags = vec!["police".into(), "europe".into()];
        let bare = Article::new("Only a title", "");
        let lines = [&full, &bare]
            .iter()
            .map(|article| serde_json::to_string(article).unwrap() + "\n")
            .collect::<String>();
        assert_eq!(
            lines.lines().next().unwrap(),
            r#"{"id":"raid-1","title":"Raid","body":"First.\n\nSecond.","source":"Harbour Ledger","author":"Ines Varga","published":"2026-03-14T10:30:00+01:00","url":"https://example.org/raid","tags":["police","europe"]}"#
        );
        let read =
            Store::from_json_lines(std::path::Path::new("x.jsonl"), lines.as_bytes()).unwrap();
        assert_eq!(read.articles, [full, bare]);
        assert_eq!(read.files[0].shape, "newsdesk");
    }
}
