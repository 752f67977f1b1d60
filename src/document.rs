//! An article laid out for reading at one width: title, byline, URL, then
//! the wrapped body. Lines remember their byte range, so highlights and
//! matches (ranges into the body) can be drawn on them.

pub mod fragments;
pub mod setting;

use std::ops::Range;

use crate::store::{Article, Published};
use crate::wrap::wrap;

/// Which part of the article a line shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The headline.
    Title,
    /// Source · author · date.
    Byline,
    /// The article's address.
    Url,
    /// The blank line between the header and the body.
    Gap,
    /// The body text.
    Body,
    /// What is said in place of a body the store does not have.
    NoText,
}

/// Shown in place of the body of an article that has only a title.
pub const NO_TEXT: &str =
    "The store has no text for this article: only its title, source and link.";

/// One line of the laid-out article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLine {
    /// Which text the range points into.
    pub part: Part,
    /// Byte range in that text.
    pub range: Range<usize>,
}

/// An article wrapped to a width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The width the lines were wrapped to, in cells.
    pub width: usize,
    /// The byline text that [`Part::Byline`] lines point into.
    pub byline: String,
    /// Every line, header first.
    pub lines: Vec<DocLine>,
    /// Index of the first body line.
    pub body_start: usize,
}

impl Document {
    /// Lays `article`, whose text is `body`, out at `width` cells.
    pub fn layout(article: &Article, body: &str, width: usize) -> Self {
        let byline = byline(article);
        let mut lines = Vec::new();
        let mut add = |part, text: &str| {
            lines.extend(
                wrap(text, width)
                    .into_iter()
                    .map(|range| DocLine { part, range }),
            );
        };
        add(Part::Title, &article.title);
        if !byline.is_empty() {
            add(Part::Byline, &byline);
        }
        if let Some(url) = &article.url {
            add(Part::Url, url);
        }
        lines.push(DocLine {
            part: Part::Gap,
            range: 0..0,
        });
        if body.trim().is_empty() {
            lines.extend(wrap(NO_TEXT, width).into_iter().map(|range| DocLine {
                part: Part::NoText,
                range,
            }));
        }
        let body_start = lines.len();
        lines.extend(setting::set(body, width).into_iter().map(|range| DocLine {
            part: Part::Body,
            range,
        }));
        Self {
            width,
            byline,
            lines,
            body_start,
        }
    }

    /// The text a line shows.
    pub fn text<'a>(&'a self, article: &'a Article, body: &'a str, line: &DocLine) -> &'a str {
        self.whole(article, body, line.part)
            .get(line.range.clone())
            .unwrap_or_default()
    }

    /// The whole text that lines of `part` point into; `body` is the
    /// article's text.
    pub fn whole<'a>(&'a self, article: &'a Article, body: &'a str, part: Part) -> &'a str {
        match part {
            Part::Title => &article.title,
            Part::Byline => &self.byline,
            Part::Url => article.url.as_deref().unwrap_or_default(),
            Part::Gap => "",
            Part::Body => body,
            Part::NoText => NO_TEXT,
        }
    }

    /// The index of the line that shows body byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        let body = &self.lines[self.body_start..];
        let after = body.partition_point(|line| line.range.start <= offset);
        self.body_start + after.saturating_sub(1)
    }

    /// The body byte offset at the start of line `index` (for keeping the
    /// reading position when the width changes).
    pub fn offset_of(&self, index: usize) -> Option<usize> {
        self.lines
            .get(index.max(self.body_start))
            .map(|line| line.range.start)
    }
}

/// "Source · Author · 2026-03-14", leaving out what the article lacks.
fn byline(article: &Article) -> String {
    [
        article.source.as_deref(),
        article.author.as_deref(),
        article
            .published
            .as_ref()
            .map(Published::readable)
            .as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_without_text_says_so_where_the_body_would_be() {
        let mut article = Article::new("Only a headline", "");
        article.url = Some("https://example.org/only".into());
        let doc = Document::layout(&article, &article.body.text(), 40);
        let body = article.body.text().into_owned();
        let said: Vec<_> = doc
            .lines
            .iter()
            .filter(|line| line.part == Part::NoText)
            .map(|line| doc.text(&article, &body, line))
            .collect();
        assert_eq!(said.join(" "), NO_TEXT);
        assert!(
            doc.lines[doc.body_start..]
                .iter()
                .all(|line| line.range.is_empty()),
            "the note comes before the (empty) body"
        );
        let with_text = Document::layout(&Article::new("Headline", "Text."), "Text.", 40);
        assert!(with_text.lines.iter().all(|line| line.part != Part::NoText));
    }

    fn article() -> Article {
        let mut article = Article::new("A headline", "First paragraph here.\n\nSecond one.");
        article.source = Some("Reuters".into());
        article.published = Some(Published::parse("2026-01-02").unwrap());
        article.url = Some("https://example.org/a".into());
        article
    }

    #[test]
    fn header_comes_before_the_body() {
        let article = article();
        let doc = Document::layout(&article, &article.body.text(), 40);
        let body = article.body.text().into_owned();
        let texts: Vec<_> = doc
            .lines
            .iter()
            .map(|l| doc.text(&article, &body, l))
            .collect();
        assert_eq!(
            texts,
            [
                "A headline",
                "Reuters · 2026-01-02",
                "https://example.org/a",
                "",
                "First paragraph here.",
                "",
                "Second one."
            ]
        );
        assert_eq!(doc.body_start, 4);
    }

    #[test]
    fn body_offsets_map_to_lines_and_back() {
        let article = article();
        let doc = Document::layout(&article, &article.body.text(), 10);
        let body = article.body.text().into_owned();
        let second = article.body.text().find("Second").unwrap();
        let line = doc.line_of(second);
        assert_eq!(doc.text(&article, &body, &doc.lines[line]), "Second");
        assert_eq!(doc.offset_of(line), Some(second));
        assert_eq!(doc.line_of(0), doc.body_start);
    }

    #[test]
    fn byline_leaves_out_missing_parts() {
        let article = Article::new("t", "b");
        let doc = Document::layout(&article, &article.body.text(), 20);
        assert!(doc.lines.iter().all(|l| l.part != Part::Byline));
    }

    #[test]
    fn the_body_is_set_by_optimal_fit() {
        // First-fit would leave "cc" alone with eight empty cells.
        let body = "aaaaaaa bb cc ddddddddd";
        let article = Article::new("t", body);
        let doc = Document::layout(&article, body, 10);
        let texts: Vec<_> = doc.lines[doc.body_start..]
            .iter()
            .map(|l| doc.text(&article, body, l))
            .collect();
        assert_eq!(texts, ["aaaaaaa", "bb cc", "ddddddddd"]);
    }

    proptest::proptest! {
        #[test]
        fn every_shown_body_byte_maps_to_the_line_that_shows_it(
            body in "([a-z]{1,14}|[ \t]|日本|\u{202e}|e\u{301}|\n\n?){0,100}",
            width in 0usize..50,
        ) {
            let article = Article::new("t", &body);
            let doc = Document::layout(&article, &body, width);
            for (at, unit) in crate::text::units(&body) {
                if unit.trim().is_empty() {
                    continue;
                }
                let line = doc.line_of(at);
                let range = &doc.lines[line].range;
                proptest::prop_assert!(
                    range.start <= at && at + unit.len() <= range.end,
                    "{unit:?} at {at} is not on line {line} ({range:?})"
                );
                proptest::prop_assert_eq!(doc.offset_of(line), Some(range.start));
                proptest::prop_assert_eq!(doc.line_of(range.start), line);
            }
        }
    }
}
