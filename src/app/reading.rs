//! The article open in the body pane, with what was recognised in it.

use crate::document::Document;
use crate::entities::{Mention, Named, Recogniser, summarise};
use crate::store::Article;

/// The opened article: its mentions, their summary and its layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// Index of the article in the store.
    pub index: usize,
    /// Every mention in the body, sorted.
    pub mentions: Vec<Mention>,
    /// The organisations named, grouped for the entities pane.
    pub named: Vec<Named>,
    /// The article laid out at the body pane's width.
    pub document: Document,
    /// First body-pane line shown.
    pub scroll: usize,
    /// The article's text, read once when it is opened.
    pub text: String,
}

impl Reading {
    /// Opens `article` (the store's `index`th) laid out at `width`.
    pub fn open(index: usize, article: &Article, recogniser: &Recogniser, width: usize) -> Self {
        let text = article.body.text().into_owned();
        let mentions = recogniser.recognise(&text);
        let named = summarise(&mentions);
        Self {
            index,
            named,
            mentions,
            document: Document::layout(article, &text, width),
            scroll: 0,
            text,
        }
    }

    /// Lays the article out again at `width`, keeping the line being read
    /// at the top.
    pub fn relayout(&mut self, article: &Article, width: usize) {
        if self.document.width == width {
            return;
        }
        let anchor = (self.scroll >= self.document.body_start)
            .then(|| self.document.offset_of(self.scroll))
            .flatten();
        self.document = Document::layout(article, &self.text, width);
        self.scroll = anchor.map_or(0, |offset| self.document.line_of(offset));
    }

    /// Scrolls by `delta` lines within a window of `height` lines.
    pub fn scroll_by(&mut self, delta: isize, height: usize) {
        self.scroll = self.scroll.saturating_add_signed(delta);
        self.clamp(height);
    }

    /// Keeps the last line at or below the window's bottom.
    pub fn clamp(&mut self, height: usize) {
        self.scroll = self
            .scroll
            .min(crate::scroll::max_offset(self.document.lines.len(), height));
    }

    /// Brings body byte `offset` into a window of `height` lines; when it
    /// is out of view it is placed a third of the way down, as `less` does.
    pub fn reveal(&mut self, offset: usize, height: usize) {
        let line = self.document.line_of(offset);
        if line < self.scroll || line >= self.scroll + height {
            self.scroll = line.saturating_sub(height / 3);
            self.clamp(height);
        }
    }
}
