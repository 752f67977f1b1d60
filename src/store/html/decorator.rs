//! What html2text writes around text: next to nothing.
//!
//! The decorator adds no marks: no `*`, `#` or `>`, which would stand
//! between the reader and the words. Unordered list items start with "- "
//! (an ASCII mark: html2text measures list marks in bytes in places and in
//! columns in others, which only agree for ASCII), ordered ones with their
//! number. An image shows its alt text in brackets, since agencies
//! credit photos there ("[Police at the scene. (AP Photo)]"); an image
//! without alt text is dropped. Links and preformatted text are reported as
//! [`Mark`]s, for the layout to number links and keep `<pre>` lines.

use std::rc::Rc;

use html2text::render::TextDecorator;

/// What html2text reports about a run of text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) enum Mark {
    /// Nothing this module cares about (emphasis, code, …).
    #[default]
    Plain,
    /// Inside a link to the target.
    Link(Rc<str>),
    /// Inside a `<pre>`.
    Pre,
}

/// html2text decorator that adds no characters but list marks and image alt
/// text, and reports links and preformatted text.
pub(super) struct Decorator;

impl TextDecorator for Decorator {
    type Annotation = Mark;

    fn decorate_link_start(&mut self, url: &str) -> (String, Mark) {
        (String::new(), Mark::Link(Rc::from(url)))
    }

    fn decorate_link_end(&mut self) -> String {
        String::new()
    }

    fn decorate_em_start(&self) -> (String, Mark) {
        (String::new(), Mark::Plain)
    }

    fn decorate_em_end(&self) -> String {
        String::new()
    }

    fn decorate_strong_start(&self) -> (String, Mark) {
        (String::new(), Mark::Plain)
    }

    fn decorate_strong_end(&self) -> String {
        String::new()
    }

    fn decorate_strikeout_start(&self) -> (String, Mark) {
        (String::new(), Mark::Plain)
    }

    fn decorate_strikeout_end(&self) -> String {
        String::new()
    }

    fn decorate_code_start(&self) -> (String, Mark) {
        (String::new(), Mark::Plain)
    }

    fn decorate_code_end(&self) -> String {
        String::new()
    }

    fn decorate_preformat_first(&self) -> Mark {
        Mark::Pre
    }

    fn decorate_preformat_cont(&self) -> Mark {
        Mark::Pre
    }

    fn decorate_image(&mut self, _src: &str, title: &str) -> (String, Mark) {
        (format!("[{}]", title.trim()), Mark::Plain)
    }

    fn header_prefix(&self, _level: usize) -> String {
        String::new()
    }

    fn quote_prefix(&self) -> String {
        String::new()
    }

    fn unordered_item_prefix(&self) -> String {
        "- ".to_owned()
    }

    fn ordered_item_prefix(&self, i: i64) -> String {
        format!("{i}. ")
    }

    fn make_subblock_decorator(&self) -> Self {
        Decorator
    }

    fn decorate_superscript_start(&self) -> (String, Mark) {
        (String::new(), Mark::Plain)
    }

    fn decorate_superscript_end(&self) -> String {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use crate::store::html::to_text;

    #[test]
    fn headings_quotes_and_emphasis_carry_no_marks() {
        let html = "<h1>Storm</h1><h3>Update</h3><blockquote><p>We are <em>ready</em>.</p>\
                    </blockquote><p><strong>Bold</strong> <b>b</b> <i>i</i> <code>x = 1</code> \
                    <del>old</del> <sup>th</sup></p>";
        assert_eq!(
            to_text(html),
            "Storm\n\nUpdate\n\nWe are ready.\n\nBold b i x = 1 old th"
        );
    }

    #[test]
    fn images_show_their_alt_text_in_brackets() {
        let html = "<figure><img src=\"a.jpg\" alt=\" Flooded street (Photo: Agency) \">\
                    <figcaption>Caption</figcaption></figure><p>Icon <img src=\"i.png\"> \
                    <img src=\"d.png\" alt=\"\">here</p>";
        assert_eq!(
            to_text(html),
            "[Flooded street (Photo: Agency)]\n\nCaption\n\nIcon here"
        );
    }
}
