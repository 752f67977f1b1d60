//! feed-rs, run so that it cannot do what this reader must not, and its
//! errors put in words.
//!
//! What feed-rs would do behind our back, and is kept from doing:
//! - It makes up an id for an entry without one: a `SipHash` of its first
//!   link and title, or a random UUID. The parser here is given an id
//!   generator that leaves the id empty, so that an empty id means the file
//!   has none, and the article's id is then its URL or derived from its
//!   content, the same on every load.
//! - Sanitizing HTML is turned off. It only runs with feed-rs's `sanitize`
//!   feature, which nothing enables today; turning it off holds for the day
//!   a dependency does, since Cargo features are shared.
//!
//! feed-rs 3.0.0 also panics on some input: an e-mail address next to a
//! non-ASCII character in `author` or `dc:creator`, a number too large for a
//! `u64` in `itunes:duration` (and, before the file is prepared for it, an
//! XML declaration naming an encoding after the first). Such a panic is
//! caught and the file refused, without the panic hook printing it: a
//! refused file is one line, not a crash report.

use std::cell::Cell;
use std::io::Read;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use feed_rs::model::{Feed, Link, Text};
use feed_rs::parser::{ParseErrorKind, ParseFeedError};

use super::fault::{Fault, fault_end, fault_start};
use super::prepared::prepare;
use super::prolog::{element_name, is_feed_root, is_space, local_name, root_element};

/// Reads `text` with feed-rs; places in a fault are byte offsets in `text`.
pub(super) fn read(text: &str) -> Result<Feed, Fault> {
    let body = text
        .trim_start_matches('\u{feff}')
        .trim_start_matches(is_space);
    let lead = text.len() - body.len();
    if !body.starts_with('<') {
        return Err(Fault::NotAFeed("the file is not XML".to_owned()));
    }
    let root = root_element(body)
        .ok_or_else(|| Fault::NotAFeed("no root element after the XML prolog".to_owned()))?;
    let name = element_name(body, root);
    if !is_feed_root(name) {
        return Err(Fault::NotAFeed(format!(
            "the root element is <{}>",
            shown(name)
        )));
    }
    let prepared = prepare(body, root);
    let at = |end: usize| lead + prepared.original(fault_start(&prepared.text, end));
    match run(prepared.text.as_bytes()) {
        None => Err(panicked()),
        Some(Ok(feed)) => Ok(feed),
        Some(Err(ParseFeedError::ParseError(kind))) => Err(parse_fault(kind, name, at)),
        Some(Err(ParseFeedError::XmlReader(err))) => {
            Err(reader_fault(&err.to_string(), &prepared.text, at))
        }
        Some(Err(other)) => Err(Fault::Whole(one_line(&other.to_string()))),
    }
}

/// The fault quick-xml found in `text` (as feed-rs was given it) and told
/// as `said`; `at` takes a place in `text` to one in the file.
fn reader_fault(said: &str, text: &str, at: impl Fn(usize) -> usize) -> Fault {
    let message = one_line(said.strip_prefix("Parser error: ").unwrap_or(said));
    match fault_end(text, said) {
        Some(end) => Fault::At {
            at: at(end),
            message,
        },
        None => Fault::Whole(message),
    }
}

/// The fault feed-rs found in a feed whose root element is named `root`;
/// `at` takes a place in the text feed-rs was given to one in the file.
fn parse_fault(kind: ParseErrorKind, root: &str, at: impl Fn(usize) -> usize) -> Fault {
    let (position, message) = match kind {
        ParseErrorKind::NoFeedRoot if local_name(root) == "rss" => {
            return Fault::NotAFeed(format!("no <channel> in <{}>", shown(root)));
        }
        ParseErrorKind::NoFeedRoot => {
            return Fault::NotAFeed(format!("feed-rs could not read <{}>", shown(root)));
        }
        ParseErrorKind::UnknownMimeType { position, mime } => {
            (position, format!("unknown content type {mime:?}"))
        }
        ParseErrorKind::MissingContent {
            position,
            reference,
        } => (position, missing(reference)),
        ParseErrorKind::UnknownEnumVariant {
            position,
            reference,
        } => (position, format!("unknown value {reference:?}")),
        ParseErrorKind::IllegalState {
            position,
            reference,
        } => (position, one_line(&reference)),
    };
    // feed-rs's position is just past the start tag of the element at fault.
    let end = usize::try_from(position).unwrap_or(usize::MAX);
    Fault::At {
        at: at(end),
        message,
    }
}

/// An element name as a message shows it: its first 40 characters.
fn shown(name: &str) -> String {
    name.chars().take(40).collect()
}
fn panicked() -> Fault {
    Fault::Whole("feed-rs failed on this file (a fault in feed-rs that the file sets off)".into())
}

/// feed-rs's names for what an element lacks, in words.
fn missing(reference: &str) -> String {
    match reference {
        "text" => "an element that must hold text is empty".to_owned(),
        "content.text" | "content.xml" | "content.inline" => "<content> is empty".to_owned(),
        "non-empty atom:content with src" => {
            "<content> with a src attribute must be empty".to_owned()
        }
        other => format!("missing {}", one_line(other)),
    }
}

/// Runs feed-rs on `source`; a panic inside it is caught and gives `None`.
pub(super) fn run(source: impl Read) -> Option<Result<Feed, ParseFeedError>> {
    let parser = feed_rs::parser::Builder::new()
        .sanitize_content(false)
        .id_generator(|_: &[Link], _: &Option<Text>, _: Option<&str>| String::new())
        .build();
    // The parser is made for this call and dropped with whatever a panic
    // left half done in it, so nothing broken is seen again.
    quietly(AssertUnwindSafe(move || parser.parse(source))).ok()
}

thread_local! {
    /// Set while feed-rs runs on this thread: its panics are caught and
    /// said as a refusal of the file, not printed as a crash.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `work`, catching a panic without the panic hook printing it (on
/// this thread only; the hook is kept as it was for every other panic).
fn quietly<T>(work: impl FnOnce() -> T + panic::UnwindSafe) -> std::thread::Result<T> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    QUIET.with(|quiet| quiet.set(true));
    let result = panic::catch_unwind(work);
    QUIET.with(|quiet| quiet.set(false));
    result
}

/// `text` with every run of white space made one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use crate::store::StoreError;
    use crate::store::derived_id;
    use crate::store::feed::fixtures::{articles, atom, entries, failure, rss2};

    #[test]
    fn without_guid_the_id_is_the_link_else_derived_never_made_up() {
        let text = rss2(
            "<item><title>Dredging</title><link>https://gazette.example/dredging</link></item>\
             <item><title>Gulls</title><description>Loud.</description></item>",
        );
        let entries = entries(&text);
        assert!(entries.iter().all(|e| e.id.is_empty()), "no id is made up");
        let ids: Vec<_> = articles(&text).into_iter().map(|a| a.id).collect();
        assert_eq!(
            ids,
            [
                derived_id(Some("https://gazette.example/dredging"), "", ""),
                derived_id(None, "Gulls", "Loud.")
            ]
        );
        // What feed-rs would have used: a hash of link and title, and a
        // random UUID, different on every load.
        let made_up = feed_rs::parser::parse(text.as_bytes()).unwrap();
        assert_ne!(made_up.entries[0].id, ids[0]);
        assert_ne!(made_up.entries[1].id, ids[1]);
    }

    #[test]
    fn feed_rs_faults_point_at_the_element() {
        let text = atom(
            "<entry><title>Chart</title><id>c</id><updated>2026-01-20T10:00:00Z</updated>\n\
             \u{20}\u{20}<content type=\"image/png\"/></entry>",
        );
        let err = failure(&text);
        assert_eq!(err.to_string(), "news.xml:8:3: <content> is empty");
    }

    #[test]
    fn xml_that_is_not_a_feed_is_refused_as_such() {
        let err = failure("<?xml version=\"1.0\"?>\n<catalog><book/></catalog>");
        assert!(matches!(err, StoreError::Feed { .. }), "{err}");
        assert_eq!(
            err.to_string(),
            "news.xml: not an RSS or Atom feed: the root element is <catalog>"
        );
        assert_eq!(
            failure("{\"articles\": []}").to_string(),
            "news.xml: not an RSS or Atom feed: the file is not XML"
        );
        assert_eq!(
            failure("<rss version=\"2.0\"><item><title>t</title></item></rss>").to_string(),
            "news.xml: not an RSS or Atom feed: no <channel> in <rss>"
        );
    }

    #[test]
    fn panics_in_feed_rs_refuse_the_file_instead() {
        for item in [
            "<item><title>t</title><author>作者：desk@gazette.example</author></item>",
            "<item><title>t</title><itunes:duration \
             xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">\
             99999999999999999999999</itunes:duration></item>",
        ] {
            let err = failure(&rss2(item));
            assert!(matches!(err, StoreError::Feed { .. }), "{err}");
            assert!(err.to_string().contains("feed-rs failed"), "{err}");
        }
    }
}
