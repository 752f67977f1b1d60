//! Rendering with html2text.
//!
//! Each piece of the input (see [`pieces`]) is parsed, prepared (see
//! [`prepare`]) and rendered to lines whose runs of text carry the
//! [`Mark`]s of the elements around them. The width is effectively
//! unlimited, so that a paragraph is never wrapped: the reader wraps text
//! itself. A piece that html2text cannot render is read in its plainest
//! mode instead, so that the words survive whatever happens.

use html2text::config;
use html2text::render::TaggedLine;

use super::breaks::Breaks;
use super::decorator::{Decorator, Mark};
use super::pieces::pieces;
use super::preparation::prepare;

/// Render width: wide enough that no paragraph is ever wrapped, small enough
/// that html2text's width arithmetic cannot overflow.
const WIDTH: usize = i32::MAX as usize;

/// Lines of text rendered by html2text, each run of text with the marks of
/// the elements around it, outermost first.
pub(super) type Lines = Vec<TaggedLine<Vec<Mark>>>;

/// Parses, prepares and renders `html` with unlimited width, piece by piece
/// (see [`pieces`]). A piece that html2text cannot render is read as
/// [`fallback`] has it.
pub(super) fn render(html: &str) -> Lines {
    let config = html_config();
    BREAKS.with(|breaks| {
        let mut lines = Vec::new();
        for piece in pieces(html) {
            match breaks
                .as_ref()
                .ok_or(html2text::Error::Fail)
                .and_then(|breaks| render_piece(&config, piece, breaks))
            {
                Ok(mut rendered) => lines.append(&mut rendered),
                Err(_) => lines.append(&mut fallback(piece)),
            }
        }
        lines
    })
}

/// html2text set up for [`render`].
fn html_config() -> config::Config<Decorator> {
    config::with_decorator(Decorator)
        .link_footnotes(false)
        .unicode_strikeout(false)
        .no_table_borders()
}

/// Renders one piece of [`render`].
fn render_piece(
    config: &config::Config<Decorator>,
    piece: &str,
    breaks: &Breaks,
) -> Result<Lines, html2text::Error> {
    let dom = config.parse_html(piece.as_bytes())?;
    prepare(&dom.document, breaks);
    let tree = config.dom_to_render_tree(&dom)?;
    config.render_to_lines(tree, WIDTH)
}

/// The lines of `html` from html2text's plainest mode (every line taken
/// for a block), or failing that the text as given: the words are kept
/// whatever happens.
fn fallback(html: &str) -> Lines {
    let text = config::with_decorator(html2text::render::TrivialDecorator::new())
        .raw_mode(true)
        .string_from_read(html.as_bytes(), WIDTH)
        .unwrap_or_else(|_| html.to_owned());
    text.lines()
        .map(|line| TaggedLine::from_string(line.to_owned(), &Vec::new()))
        .collect()
}

thread_local! {
    /// The break nodes, parsed once per thread (nodes are not `Send`).
    static BREAKS: Option<Breaks> = Breaks::parse(&html_config()).ok();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::html::layout::lay_out;
    use crate::store::html::to_text;

    #[test]
    fn long_paragraphs_are_not_wrapped() {
        let words = vec!["lengthy"; 400].join(" ");
        assert_eq!(to_text(&format!("<p>{words}</p>")), words);
    }

    #[test]
    fn the_fallback_keeps_the_words() {
        let lines = fallback("<p>One <b>two</b></p><p>three <i>four</i></p>");
        assert_eq!(lay_out(&lines), "One two\n\nthree four");
    }
}
