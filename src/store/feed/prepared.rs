//! The text as feed-rs is given it, rewritten where feed-rs would misread
//! it. Every rewrite stays in an XML declaration or the root's start tag.
//!
//! - feed-rs decodes the text again by the `encoding` of the XML
//!   declaration, but the text is UTF-8 already, so a declaration naming
//!   another encoding is blanked out with spaces first (every byte keeps its
//!   place). A second declaration further on, which quick-xml panics on if it
//!   names any encoding, loses its `encoding` too.
//! - It reads `<rss>` only with `version` 2.0, 0.91, 0.92 or empty, and RSS
//!   1.0 only under its own namespace. The root's start tag is rewritten so
//!   that any other version is read as 2.0 (as feed-rs reads 0.9x) and RSS
//!   0.90, whose namespace feed-rs does not know, as 1.0.
//!
//! Rewrites overwrite in place, padding with spaces, so that a place feed-rs
//! or quick-xml reports is a place in the file. Only an `<rss>` without a
//! `version` needs bytes put in, and [`Prepared::original`] takes them out of
//! a place again.

use std::borrow::Cow;
use std::ops::Range;

use super::prolog::{attributes, element_name, is_space, local_name};

/// The namespace of RSS 0.90, which feed-rs does not know.
const RSS_090: &str = "http://my.netscape.com/rdf/simple/0.9/";
/// The namespace of RSS 1.0, which feed-rs reads 0.90 under too.
const RSS_100: &str = "http://purl.org/rss/1.0/";
/// The `<rss version>`s feed-rs reads; it refuses a feed with any other.
const RSS_VERSIONS: [&str; 4] = ["2.0", "", "0.91", "0.92"];

/// The text as feed-rs is given it: the same bytes but in the XML
/// declaration and the root's start tag.
pub(super) struct Prepared<'a> {
    pub(super) text: Cow<'a, str>,
    /// Bytes put in that the original does not have.
    inserted: Option<Range<usize>>,
}

impl Prepared<'_> {
    /// Where byte `at` of the prepared text is in the original.
    pub(super) fn original(&self, at: usize) -> usize {
        match &self.inserted {
            Some(added) if at >= added.end => at - added.len(),
            Some(added) if at >= added.start => added.start,
            _ => at,
        }
    }
}

/// Rewrites what feed-rs would misread (see the module documentation) in
/// `text`, whose root element starts at `root`.
pub(super) fn prepare(text: &str, root: usize) -> Prepared<'_> {
    let mut prepared = Cow::Borrowed(text);
    let value_of = |range: &Range<usize>| &text[range.start + 1..range.end - 1];
    // Every XML declaration, the first and any (ill-formed) later one:
    // quick-xml panics when a later one names an encoding at all.
    for (at, _) in text.match_indices("<?xml") {
        if !text[at + 5..].starts_with(is_space) {
            continue;
        }
        for (name, value) in attributes(text, at + 5) {
            let label = value_of(&value);
            let utf8 = label.eq_ignore_ascii_case("utf-8") || label.eq_ignore_ascii_case("utf8");
            if &text[name.clone()] == "encoding" && (at > 0 || !utf8) {
                overwrite(prepared.to_mut(), name.start..value.end, "");
            }
        }
    }
    let name = element_name(text, root);
    let name_end = root + 1 + name.len();
    let attributes = attributes(text, name_end);
    let mut inserted = None;
    match local_name(name) {
        "RDF" => {
            for (_, value) in attributes.iter().filter(|(_, v)| value_of(v) == RSS_090) {
                let quote = &text[value.start..=value.start];
                overwrite(
                    prepared.to_mut(),
                    value.clone(),
                    &format!("{quote}{RSS_100}{quote}"),
                );
            }
        }
        "rss" => match attributes
            .iter()
            .find(|(n, _)| &text[n.clone()] == "version")
        {
            Some((_, value)) if !RSS_VERSIONS.contains(&value_of(value)) => {
                overwrite(prepared.to_mut(), value.clone(), "\"\"");
            }
            Some(_) => {}
            None => {
                let added = " version=\"\"";
                prepared.to_mut().insert_str(name_end, added);
                inserted = Some(name_end..name_end + added.len());
            }
        },
        _ => {}
    }
    Prepared {
        text: prepared,
        inserted,
    }
}

/// Puts `with` in place of `range`, filling the rest of it with spaces so
/// that no byte after it moves.
fn overwrite(text: &mut String, range: Range<usize>, with: &str) {
    if let Some(pad) = range.len().checked_sub(with.len()) {
        text.replace_range(range, &format!("{with}{}", " ".repeat(pad)));
    }
}

#[cfg(test)]
mod tests {
    use crate::store::StoreError;
    use crate::store::feed::fixtures::{articles, failure, load};

    #[test]
    fn rss_090_is_read_under_its_own_namespace() {
        let text = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://my.netscape.com/rdf/simple/0.9/">
<channel><title>Old Web Weekly</title><link>http://oldweb.example/</link>
<description>Links</description></channel>
<item><title>Browsers learn frames</title><link>http://oldweb.example/frames</link></item>
</rdf:RDF>"#;
        let [frames] = &articles(text)[..] else {
            panic!("one article")
        };
        assert_eq!(frames.title, "Browsers learn frames");
        assert_eq!(frames.source.as_deref(), Some("Old Web Weekly"));
        assert_eq!(frames.url.as_deref(), Some("http://oldweb.example/frames"));
    }

    #[test]
    fn the_declared_encoding_is_not_applied_again() {
        let text = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\
                    <rss version=\"2.0\"><channel><title>Café Gazette</title>\
                    <item><title>Crème brûlée</title></item></channel></rss>";
        let [article] = &articles(text)[..] else {
            panic!("one article")
        };
        assert_eq!(article.title, "Crème brûlée");
        assert_eq!(article.source.as_deref(), Some("Café Gazette"));
    }

    #[test]
    fn a_second_xml_declaration_naming_an_encoding_does_not_set_off_feed_rs() {
        // Found by the read_feed fuzz target: quick-xml panicked on it.
        let text = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss version=\"0.91\">\n\
                    <channel><?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\
                    <title>T</title></channel></rss>";
        match load(text) {
            Ok(_) => {}
            Err(err) => assert!(!err.to_string().contains("feed-rs failed"), "{err}"),
        }
        let text = text.replace("ISO-8859-1", "UTF-8");
        match load(&text) {
            Ok(_) => {}
            Err(err) => assert!(!err.to_string().contains("feed-rs failed"), "{err}"),
        }
    }

    #[test]
    fn rss_without_version_or_with_an_unknown_one_is_read_as_2_0() {
        for root in [
            "<rss>",
            "<rss version=\"0.94\">",
            "<rss\nversion = '2.01' >",
        ] {
            let text = format!(
                "{root}<channel><title>C</title><item><title>T</title></item></channel></rss>"
            );
            assert_eq!(articles(&text)[0].title, "T", "{root}");
        }
        // Places after the inserted version attribute are told as in the file.
        let err = failure("<rss>\n<channel><title>C</titl></channel></rss>");
        assert!(
            matches!(
                err,
                StoreError::Syntax {
                    line: 2,
                    column: 18,
                    ..
                }
            ),
            "{err}"
        );
    }
}
