//! RSS 0.90, 0.91, 0.92, 1.0 and 2.0 and Atom 1.0 feeds, read with `feed-rs`.
//!
//! feed-rs reads every flavour into one model; each entry becomes one
//! article, numbered from 0 in document order, taking:
//! - `title` from `entry.title` (`title`);
//! - `body` from `entry.content` (`content:encoded`, Atom `content`), else
//!   `entry.summary` (`description`, in RSS 1.0 also `dc:description`, Atom
//!   `summary`), else the first `entry.media[].description`
//!   (`media:description`, `itunes:summary`);
//! - `source` from `feed.title` (the channel's or feed's `title`);
//! - `author` from the names in `entry.authors` (`author`, `dc:creator`,
//!   Atom `author`), else in `feed.authors`, which Atom says stand for every
//!   entry without its own;
//! - `published` from `entry.published` (`pubDate`, `dc:date`, Atom
//!   `published`), else `entry.updated` (Atom `updated`);
//! - `url` from the first alternate link in `entry.links` (`link`, Atom
//!   `link rel="alternate"`), else for Atom the first link, else for RSS a
//!   `guid` that is a web address;
//! - `id` from `entry.id` (`guid`, Atom `id`), else the URL, else derived
//!   from title and body;
//! - `tags` from `entry.categories`, the label or else the term.
//!
//! Text that the file marks as HTML (Atom `type="html"` or `"xhtml"`,
//! `content:encoded`, `media:description type="html"`) is turned into plain
//! text, and so is any body text that looks like HTML. feed-rs marks every
//! RSS `description` HTML whatever it holds, so there only its looks decide,
//! and plain text keeps its line breaks. Titles are converted only when
//! marked HTML.
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
//! - It decodes the text again by the `encoding` of the XML declaration, but
//!   the text is UTF-8 already, so a declaration naming another encoding is
//!   blanked out with spaces first (every byte keeps its place).
//! - It reads `<rss>` only with `version` 2.0, 0.91, 0.92 or empty, and RSS
//!   1.0 only under its own namespace. The root's start tag is rewritten so
//!   that any other version is read as 2.0 (as feed-rs reads 0.9x) and RSS
//!   0.90, whose namespace feed-rs does not know, as 1.0.
//!
//! What cannot be turned off: feed-rs trims every text, normalises links
//! (`url` adds a trailing slash to a bare host and resolves `xml:base`), reads
//! dates leniently (RFC 3339, RFC 2822 with `UT`, `GMT`, US zone names and
//! military letters, and some broken forms) and drops a date it cannot read
//! (`CET`, `BST`), leaving the article undated. It leaves out RSS 1.0 items
//! without a `link`, and refuses a whole feed over one Atom text or
//! `media:` text with an unknown `type` or an empty Atom `content` of another
//! type.
//!
//! feed-rs 3.0.0 also panics on some input: an e-mail address next to a
//! non-ASCII character in `author` or `dc:creator`, a number too large for a
//! `u64` in `itunes:duration`, an XML declaration naming an encoding after
//! the first 64 bytes. Such a panic is caught and the file refused.
//!
//! Neither feed-rs nor quick-xml tells where an XML fault is, so the file is
//! read again through a reader that hands it over in chunks and then, near
//! where the parser stopped, one byte at a time: the bytes handed over end
//! where the parser stopped. After most faults feed-rs reads one event more
//! before it gives up; then the shortest start of the file that fails the
//! same way is found by halving. A fault costs a few more parses, none of
//! which happen when the file is sound.

use std::borrow::Cow;
use std::io::{self, Read};
use std::ops::Range;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;

use feed_rs::model::{Entry, Feed, FeedType, Link, Person, Text};
use feed_rs::parser::{ParseErrorKind, ParseFeedError};

use super::html::{inline_to_text, looks_like_html, to_text};
use super::{Article, Loading, Published, StoreError, derived_id};

/// The namespace of RSS 0.90, which feed-rs does not know.
const RSS_090: &str = "http://my.netscape.com/rdf/simple/0.9/";
/// The namespace of RSS 1.0, which feed-rs reads 0.90 under too.
const RSS_100: &str = "http://purl.org/rss/1.0/";
/// The `<rss version>`s feed-rs reads; it refuses a feed with any other.
const RSS_VERSIONS: [&str; 4] = ["2.0", "", "0.91", "0.92"];
/// Spaces put before the text when it is read one byte at a time, to fill
/// the 64 bytes quick-xml's decoder takes at once to look for an encoding.
const PAD: usize = 64;
/// Bytes handed over at once when a fault is looked for, before the stretch
/// read one byte at a time.
const CHUNK: usize = 8192;

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
    let feed = read(text).map_err(|fault| fault.into_error(path, text))?;
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
            body,
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

/// How a text is marked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Markup {
    Plain,
    Html,
}

/// The markup a media type names: HTML for `text/html` and XHTML (which
/// feed-rs calls `application/xhtml`).
fn markup_of(media_type: &str) -> Markup {
    let essence = media_type.split(';').next().unwrap_or_default().trim();
    if ["text/html", "application/xhtml", "application/xhtml+xml"]
        .iter()
        .any(|html| essence.eq_ignore_ascii_case(html))
    {
        Markup::Html
    } else {
        Markup::Plain
    }
}

/// HTML when the file says so, or when the text looks like it.
fn sniffed(text: &str, declared: Markup) -> Markup {
    if declared == Markup::Html || looks_like_html(text) {
        Markup::Html
    } else {
        Markup::Plain
    }
}

/// A title (of an entry or a feed) and its markup, which only a type the
/// file gives makes HTML.
fn chosen_title(title: &Text) -> (&str, Markup) {
    (&title.content, markup_of(title.content_type.as_str()))
}

fn title_text(title: &Text) -> String {
    match chosen_title(title) {
        (text, Markup::Html) => inline_to_text(text).trim().to_owned(),
        // Feeds often escape an HTML entity once more than the title
        // needs (`&amp;#8217;`): a reference left after XML's own is read.
        (text, Markup::Plain) if text.contains('&') => inline_to_text(text).trim().to_owned(),
        (text, Markup::Plain) => text.trim().to_owned(),
    }
}

/// The text that becomes an entry's body, and its markup: the full content,
/// else the summary, else the first media description.
fn chosen_body(entry: &Entry, atom: bool) -> Option<(&str, Markup)> {
    let filled = |text: &str| !text.trim().is_empty();
    let content = entry.content.as_ref().and_then(|content| {
        let text = content.body.as_deref().filter(|t| filled(t))?;
        let media_type = content.content_type.as_str();
        let essence = media_type.split(';').next().unwrap_or_default().trim();
        // Atom content of another type (an image in base64, an XML
        // document) is not text to read.
        let text_like = essence
            .get(..5)
            .is_some_and(|t| t.eq_ignore_ascii_case("text/"));
        let xml = essence.eq_ignore_ascii_case("text/xml");
        let declared = markup_of(media_type);
        ((text_like && !xml) || declared == Markup::Html).then(|| (text, sniffed(text, declared)))
    });
    let summary = || {
        let summary = entry.summary.as_ref().filter(|s| filled(&s.content))?;
        // feed-rs marks every RSS description HTML, which says nothing.
        let declared = if atom {
            markup_of(summary.content_type.as_str())
        } else {
            Markup::Plain
        };
        Some((
            summary.content.as_str(),
            sniffed(&summary.content, declared),
        ))
    };
    let media = || {
        let text = entry
            .media
            .iter()
            .filter_map(|media| media.description.as_ref())
            .find(|text| filled(&text.content))?;
        let declared = markup_of(text.content_type.as_str());
        Some((text.content.as_str(), sniffed(&text.content, declared)))
    };
    content.or_else(summary).or_else(media)
}

fn body_text(entry: &Entry, atom: bool) -> String {
    match chosen_body(entry, atom) {
        Some((text, Markup::Html)) => to_text(text).trim().to_owned(),
        Some((text, Markup::Plain)) => text.trim().to_owned(),
        None => String::new(),
    }
}

/// The names of the entry's authors (else of the feed's, which Atom says
/// stand for every entry without its own), each once.
fn author(entry: &Entry, feed: &Feed) -> Option<String> {
    let people = if entry.authors.is_empty() {
        &feed.authors
    } else {
        &entry.authors
    };
    let mut names: Vec<String> = Vec::new();
    for name in people.iter().filter_map(person_name) {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    (!names.is_empty()).then(|| names.join(", "))
}

/// A person's name, else their e-mail address. RSS writes `author` as
/// `address (Name)`, which feed-rs splits leaving the brackets on the name.
fn person_name(person: &Person) -> Option<String> {
    let trimmed = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let email = trimmed(&person.email);
    let Some(name) = trimmed(&person.name) else {
        return email;
    };
    if email.is_none() {
        return Some(name);
    }
    let bare = name
        .strip_prefix('(')
        .and_then(|n| n.strip_suffix(')'))
        .map_or(name.as_str(), str::trim);
    Some(bare)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .or(email)
}

/// Seconds since the epoch of the entry's publication, else of its last
/// update; feed-rs leaves out a date it cannot read.
fn published_seconds(entry: &Entry) -> Option<i64> {
    entry.published.or(entry.updated).map(|t| t.timestamp())
}

/// The page of the entry: its alternate link (in RSS, `link`; comment links
/// are left out), else for Atom its first link, else for RSS a `guid` that
/// is a web address (RSS takes a `guid` for a permalink unless told not to,
/// which feed-rs does not keep).
fn entry_url(entry: &Entry, atom: bool, own_id: Option<&str>) -> Option<String> {
    let links = || entry.links.iter().filter(|link| !link.href.is_empty());
    let alternate = |link: &&Link| {
        link.target.is_none()
            && link
                .rel
                .as_deref()
                .is_none_or(|rel| rel.eq_ignore_ascii_case("alternate"))
    };
    let link = links().find(alternate);
    let link = if atom {
        link.or_else(|| links().next())
    } else {
        link
    };
    match link {
        Some(link) => Some(link.href.clone()),
        None if !atom => own_id.filter(|id| is_web_address(id)).map(str::to_owned),
        None => None,
    }
}

fn is_web_address(text: &str) -> bool {
    let scheme = |s: &str| {
        text.get(..s.len())
            .is_some_and(|t| t.eq_ignore_ascii_case(s))
    };
    (scheme("http://") || scheme("https://")) && !text.contains(char::is_whitespace)
}

/// Category labels (else terms), trimmed, each once.
fn tags(entry: &Entry) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for category in &entry.categories {
        let label = category.label.as_deref().map(str::trim);
        let tag = label
            .filter(|l| !l.is_empty())
            .unwrap_or(category.term.trim());
        if !tag.is_empty() && !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_owned());
        }
    }
    tags
}

/// Why a file could not be read as a feed, before it is put in words.
#[derive(Debug)]
enum Fault {
    /// Not a feed: what it is instead.
    NotAFeed(String),
    /// Something wrong at byte `at` of the text.
    At { at: usize, message: String },
    /// Something wrong, with no one place to point at.
    Whole(String),
}

impl Fault {
    fn into_error(self, path: &Path, text: &str) -> StoreError {
        let path = path.to_owned();
        match self {
            Self::NotAFeed(what) => StoreError::Feed {
                path,
                message: format!("not an RSS or Atom feed: {what}"),
            },
            Self::Whole(message) => StoreError::Feed { path, message },
            Self::At { at, message } => {
                let (line, column) = line_and_column(text, at);
                StoreError::Syntax {
                    path,
                    line,
                    column,
                    message,
                }
            }
        }
    }
}

/// Reads `text` with feed-rs; places in a fault are byte offsets in `text`.
fn read(text: &str) -> Result<Feed, Fault> {
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
    let shown: String = name.chars().take(40).collect();
    if !is_feed_root(name) {
        return Err(Fault::NotAFeed(format!("the root element is <{shown}>")));
    }
    let prepared = prepare(body, root);
    let at = |end: usize| lead + prepared.original(fault_start(&prepared.text, end));
    let Some(parsed) = run(prepared.text.as_bytes()) else {
        return Err(panicked());
    };
    let kind = match parsed {
        Ok(feed) => return Ok(feed),
        Err(ParseFeedError::ParseError(kind)) => kind,
        Err(ParseFeedError::XmlReader(err)) => {
            let said = err.to_string();
            let message = one_line(said.strip_prefix("Parser error: ").unwrap_or(&said));
            return Err(match fault_end(&prepared.text, &said) {
                Some(end) => Fault::At {
                    at: at(end),
                    message,
                },
                None => Fault::Whole(message),
            });
        }
        Err(other) => return Err(Fault::Whole(one_line(&other.to_string()))),
    };
    let (position, message) = match kind {
        ParseErrorKind::NoFeedRoot if local_name(name) == "rss" => {
            return Err(Fault::NotAFeed(format!("no <channel> in <{shown}>")));
        }
        ParseErrorKind::NoFeedRoot => {
            return Err(Fault::NotAFeed(format!("feed-rs could not read <{shown}>")));
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
    Err(Fault::At {
        at: at(end),
        message,
    })
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
fn run(source: impl Read) -> Option<Result<Feed, ParseFeedError>> {
    let parser = feed_rs::parser::Builder::new()
        .sanitize_content(false)
        .id_generator(|_: &[Link], _: &Option<Text>, _: Option<&str>| String::new())
        .build();
    // The parser is made for this call and dropped with whatever a panic
    // left half done in it, so nothing broken is seen again.
    panic::catch_unwind(AssertUnwindSafe(move || parser.parse(source))).ok()
}

/// How far into `text` feed-rs reads before it meets the XML fault that
/// fails it, which it tells as `said`.
fn fault_end(text: &str, said: &str) -> Option<usize> {
    // Read in chunks, the parser stops somewhere in the last 8 KiB it was
    // handed or the 8 KiB its decoder had taken ahead; read again one byte
    // at a time from well before there, it stops just past what it read.
    let rough = stopped_at(text, usize::MAX)?;
    let end = stopped_at(text, rough.saturating_sub(4 * CHUNK))?;
    // quick-xml stops at a syntax error (markup not closed before the end
    // of the text), so that is where it was seen. After any other fault
    // feed-rs reads one event more before it gives up, so the fault ends
    // where the shortest start of the text that fails the same way ends,
    // a little before `end`.
    if said
        .trim_start_matches("Parser error: ")
        .starts_with("syntax error")
    {
        return Some(end);
    }
    let same = |len: usize| {
        matches!(run(&text.as_bytes()[..len]),
            Some(Err(ParseFeedError::XmlReader(err))) if err.to_string() == said)
    };
    let (mut long, mut step) = (end, 1);
    let mut short = loop {
        match long.checked_sub(step) {
            Some(shorter) if same(shorter) => (long, step) = (shorter, step * 2),
            Some(shorter) => break shorter,
            None => break 0,
        }
    };
    while long - short > 1 {
        let middle = short + (long - short) / 2;
        if same(middle) {
            long = middle;
        } else {
            short = middle;
        }
    }
    Some(long)
}

/// Reads `text` through a [`Trickle`] that goes one byte at a time from
/// `slow_from` on, and tells how many bytes of `text` it handed over.
fn stopped_at(text: &str, slow_from: usize) -> Option<usize> {
    let mut trickle = Trickle {
        text: text.as_bytes(),
        sent: 0,
        slow_from: slow_from.saturating_add(PAD),
    };
    let Some(Err(ParseFeedError::XmlReader(_))) = run(&mut trickle) else {
        return None;
    };
    Some(trickle.sent.saturating_sub(PAD).min(text.len()))
}

/// Hands `text` over in chunks of [`CHUNK`] bytes, then from `slow_from` on
/// one byte at a time, so that the bytes handed over end where the parser
/// stopped reading. Before the text come [`PAD`] spaces, and the first read
/// reaches the first `<`, which feed-rs must see in it to take the text for
/// XML.
struct Trickle<'a> {
    text: &'a [u8],
    /// Bytes handed over, padding included.
    sent: usize,
    /// Where single bytes start, padding included.
    slow_from: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let wanted = if self.sent == 0 {
            let first = self.text.iter().position(|&b| b == b'<');
            PAD + first.map_or(0, |at| at + 1)
        } else if self.sent < self.slow_from {
            CHUNK.min(self.slow_from - self.sent)
        } else {
            1
        };
        let wanted = wanted.min(buf.len());
        let padding = PAD.saturating_sub(self.sent).min(wanted);
        buf[..padding].fill(b' ');
        let from = (self.sent + padding).saturating_sub(PAD);
        let rest = self.text.get(from..).unwrap_or_default();
        let taken = rest.len().min(wanted - padding);
        buf[padding..padding + taken].copy_from_slice(&rest[..taken]);
        self.sent += padding + taken;
        Ok(padding + taken)
    }
}

/// Where the fault is shown when the parser stopped at `end`: the start of
/// the tag or reference it had just read, or else the last byte it read.
fn fault_start(text: &str, end: usize) -> usize {
    let last = end.min(text.len()).saturating_sub(1);
    let opening = match text.as_bytes().get(last) {
        Some(b'>') => '<',
        Some(b';') => '&',
        _ => return last,
    };
    text[..last].rfind(opening).unwrap_or(last)
}

/// Line and column (both from 1, the column in characters) of byte `at`.
fn line_and_column(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
    let column = before[line_start..]
        .trim_start_matches('\u{feff}')
        .chars()
        .count();
    (line, column + 1)
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// Byte offset of the root element's `<`, past a byte-order mark, white
/// space, the XML declaration, processing instructions, comments and a
/// DOCTYPE (with its internal subset).
fn root_element(text: &str) -> Option<usize> {
    let mut at = text.len() - text.trim_start_matches('\u{feff}').len();
    loop {
        at = text.len() - text[at..].trim_start_matches(is_space).len();
        let rest = &text[at..];
        at += if rest.starts_with("<?") {
            rest.find("?>")? + 2
        } else if let Some(comment) = rest.strip_prefix("<!--") {
            comment.find("-->")? + "<!---->".len()
        } else if rest.starts_with("<!DOCTYPE") {
            doctype_len(rest)?
        } else if rest.starts_with('<') {
            return Some(at);
        } else {
            return None;
        };
    }
}

/// Length of the DOCTYPE at the start of `rest`, up to its closing `>`.
fn doctype_len(rest: &str) -> Option<usize> {
    let (mut quote, mut subset) = (None, false);
    for (i, byte) in rest.bytes().enumerate() {
        match (quote, byte) {
            (Some(open), _) if byte == open => quote = None,
            (None, b'"' | b'\'') => quote = Some(byte),
            (None, b'[') => subset = true,
            (None, b']') => subset = false,
            (None, b'>') if !subset => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// The name of the element whose `<` is at `at`.
fn element_name(text: &str, at: usize) -> &str {
    let rest = text.get(at + 1..).unwrap_or_default();
    let len = rest
        .find(|c| is_space(c) || c == '/' || c == '>')
        .unwrap_or(rest.len());
    &rest[..len]
}

fn is_feed_root(name: &str) -> bool {
    matches!(local_name(name), "rss" | "RDF" | "feed")
}

fn local_name(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, local)| local)
}

/// The attributes of a tag from byte `at` (just past its name) on: the byte
/// ranges of each name and of its value with the quotes. Reading stops at
/// the first thing that is not an attribute, such as the end of the tag.
fn attributes(text: &str, mut at: usize) -> Vec<(Range<usize>, Range<usize>)> {
    let bytes = text.as_bytes();
    let skip_space = |from: usize| {
        from + bytes
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&b| is_space(char::from(b)))
            .count()
    };
    let mut found = Vec::new();
    loop {
        let name_start = skip_space(at);
        let name_len = bytes
            .get(name_start..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&b| !is_space(char::from(b)) && !matches!(b, b'=' | b'>' | b'/' | b'?'))
            .count();
        let name = name_start..name_start + name_len;
        let open = skip_space(name.end);
        if name_len == 0 || bytes.get(open) != Some(&b'=') {
            return found;
        }
        let open = skip_space(open + 1);
        let Some(&quote @ (b'"' | b'\'')) = bytes.get(open) else {
            return found;
        };
        let Some(len) = bytes[open + 1..].iter().position(|&b| b == quote) else {
            return found;
        };
        at = open + len + 2;
        found.push((name, open..at));
    }
}

/// The text as feed-rs is given it: the same bytes but in the XML
/// declaration and the root's start tag.
struct Prepared<'a> {
    text: Cow<'a, str>,
    /// Bytes put in that the original does not have.
    inserted: Option<Range<usize>>,
}

impl Prepared<'_> {
    /// Where byte `at` of the prepared text is in the original.
    fn original(&self, at: usize) -> usize {
        match &self.inserted {
            Some(added) if at >= added.end => at - added.len(),
            Some(added) if at >= added.start => added.start,
            _ => at,
        }
    }
}

/// Rewrites what feed-rs would misread (see the module documentation) in
/// `text`, whose root element starts at `root`.
fn prepare(text: &str, root: usize) -> Prepared<'_> {
    let mut prepared = Cow::Borrowed(text);
    if text.starts_with("<?xml") && text[5..].starts_with(is_space) {
        for (name, value) in attributes(text, 5) {
            let label = &text[value.start + 1..value.end - 1];
            let utf8 = label.eq_ignore_ascii_case("utf-8") || label.eq_ignore_ascii_case("utf8");
            if &text[name.clone()] == "encoding" && !utf8 {
                overwrite(prepared.to_mut(), name.start..value.end, "");
            }
        }
    }
    let name = element_name(text, root);
    let name_end = root + 1 + name.len();
    let attributes = attributes(text, name_end);
    let value_of = |range: &Range<usize>| &text[range.start + 1..range.end - 1];
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
    use super::*;
    use crate::store::Failure;
    use proptest::prelude::*;

    const PATH: &str = "news.xml";

    fn load(text: &str) -> Result<Loading, StoreError> {
        let mut loading = Loading::new(PATH.into(), u64::MAX, None, false);
        loading.begin_file(Path::new(PATH));
        parse_feed(Path::new(PATH), text, &mut loading)?;
        Ok(loading)
    }

    /// The articles in document order (`Loading::finish` would sort them).
    #[track_caller]
    fn articles(text: &str) -> Vec<Article> {
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
    fn entries(text: &str) -> Vec<Entry> {
        read(text).unwrap().entries
    }

    #[track_caller]
    fn failure(text: &str) -> StoreError {
        let err = load(text).err().unwrap();
        let message = err.to_string();
        assert!(message.starts_with(PATH), "{message}");
        assert!(!message.contains('\n'), "one line: {message:?}");
        assert_eq!(err.failure(), Failure::Malformed);
        err
    }

    fn rss2(items: &str) -> String {
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

    fn atom(entries: &str) -> String {
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
    fn rss_092_items_without_title_keep_their_description_and_take_a_title_from_it() {
        let text = r#"<rss version="0.92"><channel><title>Night Shift Radio</title>
<item><description>&lt;p&gt;Tonight: the lighthouse keepers.&lt;/p&gt;</description>
<category domain="http://radio.example/topics">Coast</category>
<enclosure url="http://radio.example/ep1.mp3" length="12" type="audio/mpeg"/></item>
</channel></rss>"#;
        let [show] = &articles(text)[..] else {
            panic!("one article")
        };
        assert_eq!(
            show.body,
            to_text("<p>Tonight: the lighthouse keepers.</p>")
        );
        assert_eq!(show.title, super::super::convert::title_from(&show.body));
        assert_eq!(show.tags, ["Coast"]);
        assert_eq!(show.source.as_deref(), Some("Night Shift Radio"));
        assert_eq!(show.url, None, "an enclosure is not the page");
        let entries = entries(text);
        assert_eq!(
            chosen_body(&entries[0], false),
            Some(("<p>Tonight: the lighthouse keepers.</p>", Markup::Html))
        );
    }

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

    const RSS_10: &str = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://lab.example/rss">
<title>Lab Notes</title><link>https://lab.example/</link><description>Bench work</description>
<items><rdf:Seq><rdf:li resource="https://lab.example/fusion"/></rdf:Seq></items>
</channel>
<item rdf:about="https://lab.example/fusion">
<title>Cold fusion, one more time</title>
<link>https://lab.example/fusion</link>
<description>A second look at the numbers.</description>
<dc:date>2024-03-01T09:30:00+01:00</dc:date>
<dc:creator>Ines Varga</dc:creator>
</item>
<item rdf:about="https://lab.example/orphan"><title>No link here</title></item>
</rdf:RDF>"#;

    #[test]
    fn rss_10_reads_dublin_core_date_and_creator() {
        let [fusion] = &articles(RSS_10)[..] else {
            panic!("feed-rs leaves out the item without a link")
        };
        assert_eq!(fusion.title, "Cold fusion, one more time");
        assert_eq!(fusion.body, "A second look at the numbers.");
        assert_eq!(fusion.author.as_deref(), Some("Ines Varga"));
        assert_eq!(fusion.source.as_deref(), Some("Lab Notes"));
        assert_eq!(
            fusion.id,
            derived_id(Some("https://lab.example/fusion"), "", "")
        );
        assert_eq!(published_seconds(&entries(RSS_10)[0]), Some(1_709_281_800));
    }

    #[test]
    fn content_encoded_is_the_body_and_is_html() {
        let html = "<p>The <b>ferry</b> is back.</p><p>Timetables <a href=\"https://gazette.example/t\">here</a>.</p>";
        let text = rss2(&format!(
            "<item><title>Ferry back</title><description>Short teaser</description>\
             <content:encoded><![CDATA[{html}]]></content:encoded></item>"
        ));
        assert_eq!(
            chosen_body(&entries(&text)[0], false),
            Some((html, Markup::Html))
        );
        assert_eq!(articles(&text)[0].body, to_text(html).trim());
    }

    #[test]
    fn a_plain_description_keeps_its_line_breaks() {
        let text = rss2(
            "<item><title>Tides</title><description>High at six.\n\nLow at noon.</description></item>",
        );
        assert_eq!(
            chosen_body(&entries(&text)[0], false),
            Some(("High at six.\n\nLow at noon.", Markup::Plain))
        );
        assert_eq!(articles(&text)[0].body, "High at six.\n\nLow at noon.");
    }

    #[test]
    fn authors_come_from_author_and_dc_creator_each_once() {
        let text = rss2(
            "<item><title>Quay works</title>\
             <author>desk@gazette.example (Mara Quint)</author>\
             <dc:creator>Tomas Irving</dc:creator><dc:creator>Mara Quint</dc:creator></item>\
             <item><title>Letters</title><author>letters@gazette.example</author></item>\
             <item><title>Nobody's</title></item>",
        );
        let authors: Vec<_> = articles(&text).into_iter().map(|a| a.author).collect();
        assert_eq!(
            authors,
            [
                Some("Mara Quint, Tomas Irving".to_owned()),
                Some("letters@gazette.example".to_owned()),
                None
            ]
        );
    }

    #[test]
    fn categories_become_tags_trimmed_and_each_once() {
        let text = rss2(
            "<item><title>Storm</title><category> Harbour </category><category>Weather</category>\
             <category>Harbour</category><category>  </category>\
             <category domain=\"https://gazette.example/t\">Ferries</category></item>",
        );
        assert_eq!(articles(&text)[0].tags, ["Harbour", "Weather", "Ferries"]);
    }

    #[test]
    fn rfc_2822_dates_with_offset_gmt_and_us_zones_are_read_and_others_dropped() {
        let dates = [
            "Mon, 03 Nov 2025 07:15:00 +0000",
            "Mon, 03 Nov 2025 14:00:00 GMT",
            "Tue, 04 Nov 2025 09:00:00 EST",
            "Tue, 04 Nov 2025 15:00:00 CET",
            "the fourth of November",
        ];
        let items = dates.map(|d| format!("<item><title>{d}</title><pubDate>{d}</pubDate></item>"));
        let text = rss2(&items.concat());
        let seconds: Vec<_> = entries(&text).iter().map(published_seconds).collect();
        assert_eq!(
            seconds,
            [
                Some(1_762_154_100),
                Some(1_762_178_400),
                Some(1_762_264_800),
                None,
                None
            ]
        );
        let published: Vec<_> = articles(&text).into_iter().map(|a| a.published).collect();
        let expected: Vec<_> = seconds
            .iter()
            .map(|s| s.and_then(|s| Published::from_unix(s).ok()))
            .collect();
        assert_eq!(published, expected);
    }

    #[test]
    fn a_link_only_item_has_an_empty_body() {
        let text = rss2(
            "<item><title>Photos: the regatta</title>\
             <link>https://gazette.example/regatta</link></item>",
        );
        let [regatta] = &articles(&text)[..] else {
            panic!("one article")
        };
        assert_eq!(regatta.title, "Photos: the regatta");
        assert_eq!(regatta.body, "");
        assert_eq!(
            regatta.url.as_deref(),
            Some("https://gazette.example/regatta")
        );
    }

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
    fn a_guid_is_the_id_and_a_web_guid_stands_in_for_a_missing_link() {
        let text = rss2(
            "<item><title>Pier</title><guid isPermaLink=\"true\">https://gazette.example/pier</guid></item>\
             <item><title>Crane</title><guid isPermaLink=\"false\">gazette-4411</guid>\
             <comments>https://gazette.example/crane#comments</comments></item>\
             <item><title>Lock</title><guid> lock-7 </guid><link>https://gazette.example/lock</link></item>",
        );
        let got: Vec<_> = articles(&text).into_iter().map(|a| (a.id, a.url)).collect();
        let pier = "https://gazette.example/pier".to_owned();
        assert_eq!(
            got,
            [
                (pier.clone(), Some(pier)),
                ("gazette-4411".to_owned(), None),
                (
                    "lock-7".to_owned(),
                    Some("https://gazette.example/lock".to_owned())
                ),
            ]
        );
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
    fn atom_html_content_wins_over_summary() {
        let text = atom(
            r#"<entry><title>Relay</title><id>tag:signal.example,2026:1</id>
<updated>2026-01-20T10:00:00Z</updated>
<summary>Short</summary>
<content type="html">&lt;p&gt;Full &lt;em&gt;story&lt;/em&gt;&lt;/p&gt;</content></entry>"#,
        );
        assert_eq!(
            chosen_body(&entries(&text)[0], true),
            Some(("<p>Full <em>story</em></p>", Markup::Html))
        );
        assert_eq!(articles(&text)[0].id, "tag:signal.example,2026:1");
    }

    #[test]
    fn atom_xhtml_content_is_html_without_its_wrapping_div() {
        let text = atom(
            r#"<entry><title>Antenna</title><id>a</id><updated>2026-01-20T10:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Up on the <b>roof</b>.</p></div></content>
</entry>"#,
        );
        let entries = entries(&text);
        let (body, markup) = chosen_body(&entries[0], true).unwrap();
        assert_eq!(markup, Markup::Html);
        assert_eq!(body, "<p>Up on the <b>roof</b>.</p>");
    }

    #[test]
    fn atom_summary_is_the_body_when_there_is_no_content() {
        let text = atom(
            r#"<entry><title>Static</title><id>s</id><updated>2026-01-20T10:00:00Z</updated>
<summary type="text">Crackle on line two.

Fixed by noon.</summary></entry>"#,
        );
        assert_eq!(
            chosen_body(&entries(&text)[0], true),
            Some(("Crackle on line two.\n\nFixed by noon.", Markup::Plain))
        );
        assert_eq!(
            articles(&text)[0].body,
            "Crackle on line two.\n\nFixed by noon."
        );
    }

    #[test]
    fn atom_content_that_is_not_text_is_passed_over() {
        let text = atom(
            r#"<entry><title>Chart</title><id>c</id><updated>2026-01-20T10:00:00Z</updated>
<summary>Rates, charted.</summary>
<content type="image/png">iVBORw0KGgo=</content></entry>"#,
        );
        assert_eq!(articles(&text)[0].body, "Rates, charted.");
    }

    #[test]
    fn a_media_description_is_the_body_when_nothing_else_is() {
        let text = atom(
            r#"<entry><title>Clip</title><id>v1</id><updated>2026-01-20T10:00:00Z</updated>
<media:group><media:title>Clip</media:title>
<media:content url="https://video.example/v1.mp4" type="video/mp4"/>
<media:description>Divers inspect the breakwater.</media:description></media:group>
</entry>"#,
        );
        assert_eq!(articles(&text)[0].body, "Divers inspect the breakwater.");
    }

    #[test]
    fn atom_authors_are_joined_and_the_feed_author_stands_in() {
        let text = atom(
            r"<entry><title>Two bylines</title><id>1</id><updated>2026-01-20T10:00:00Z</updated>
<author><name>Ada Okoro</name></author><author><name>Li Wen</name><email>li@signal.example</email></author>
<contributor><name>Not An Author</name></contributor></entry>
<entry><title>House</title><id>2</id><updated>2026-01-20T10:00:00Z</updated></entry>",
        );
        let authors: Vec<_> = articles(&text).into_iter().map(|a| a.author).collect();
        assert_eq!(
            authors,
            [
                Some("Ada Okoro, Li Wen".to_owned()),
                Some("Signal Newsroom".to_owned())
            ]
        );
    }

    #[test]
    fn atom_updated_stands_in_for_a_missing_published() {
        let text = atom(
            r"<entry><title>Only updated</title><id>1</id><updated>2026-01-20T10:00:00Z</updated></entry>
<entry><title>Both</title><id>2</id><published>2026-01-21T07:45:00+01:00</published>
<updated>2026-01-22T12:00:00Z</updated></entry>",
        );
        let seconds: Vec<_> = entries(&text).iter().map(published_seconds).collect();
        assert_eq!(seconds, [Some(1_768_903_200), Some(1_768_977_900)]);
    }

    #[test]
    fn atom_alternate_link_wins_else_the_first_link() {
        let text = atom(
            r#"<entry><title>Links</title><id>1</id><updated>2026-01-20T10:00:00Z</updated>
<link rel="self" href="https://signal.example/1.atom"/>
<link rel="enclosure" href="https://signal.example/1.mp3"/>
<link rel="alternate" type="text/html" href="https://signal.example/1"/>
<link rel="alternate" href="https://signal.example/1-again"/></entry>
<entry><title>No alternate</title><id>2</id><updated>2026-01-20T10:00:00Z</updated>
<link rel="related" href="https://signal.example/elsewhere"/>
<link rel="self" href="https://signal.example/2.atom"/></entry>
<entry><title>No rel</title><id>3</id><updated>2026-01-20T10:00:00Z</updated>
<link rel="self" href="https://signal.example/3.atom"/><link href="https://signal.example/3"/></entry>"#,
        );
        let urls: Vec<_> = articles(&text).into_iter().map(|a| a.url).collect();
        assert_eq!(
            urls,
            [
                Some("https://signal.example/1".to_owned()),
                Some("https://signal.example/elsewhere".to_owned()),
                Some("https://signal.example/3".to_owned()),
            ]
        );
    }

    #[test]
    fn only_titles_marked_html_are_converted() {
        let text = atom(
            r#"<entry><title type="html">Rates &amp;lt;b&amp;gt;up&amp;lt;/b&amp;gt;</title><id>1</id>
<updated>2026-01-20T10:00:00Z</updated></entry>
<entry><title type="text">Why &lt;b&gt; is a tag</title><id>2</id><updated>2026-01-20T10:00:00Z</updated></entry>"#,
        );
        let entries = entries(&text);
        let titles: Vec<_> = entries
            .iter()
            .map(|e| chosen_title(e.title.as_ref().unwrap()))
            .collect();
        assert_eq!(
            titles,
            [
                ("Rates &lt;b&gt;up&lt;/b&gt;", Markup::Html),
                ("Why <b> is a tag", Markup::Plain)
            ]
        );
        let rss = rss2("<item><title>Pay &lt;b&gt;rise&lt;/b&gt;</title></item>");
        let rss_title = entries_title(&rss);
        assert_eq!(rss_title, ("Pay <b>rise</b>".to_owned(), Markup::Plain));
        assert_eq!(articles(&rss)[0].title, "Pay <b>rise</b>");
    }

    fn entries_title(text: &str) -> (String, Markup) {
        let entries = entries(text);
        let (title, markup) = chosen_title(entries[0].title.as_ref().unwrap());
        (title.to_owned(), markup)
    }

    #[test]
    fn atom_category_labels_win_over_terms() {
        let text = atom(
            r#"<entry><title>Tagged</title><id>1</id><updated>2026-01-20T10:00:00Z</updated>
<category term="econ" label=" Economy "/><category term="ports"/><category term="econ2" label="Economy"/>
<category term=" " label=""/></entry>"#,
        );
        assert_eq!(articles(&text)[0].tags, ["Economy", "ports"]);
    }

    #[test]
    fn sniffing_skips_the_prolog_to_the_root() {
        for text in [
            "<rss version=\"2.0\"><channel/></rss>",
            "\u{feff}<?xml version=\"1.0\"?>\n<rss version=\"2.0\">",
            "  \n<?xml version=\"1.0\"?><!-- made by hand --><?xml-stylesheet href=\"s.xsl\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">",
            "<!DOCTYPE rss [ <!ENTITY lt2 \"a > b\"> ]>\n<rss>",
            "<!DOCTYPE rss PUBLIC \"-//x//DTD RSS 0.91//EN\" \"http://x.example/rss>.dtd\"><rss version=\"0.91\">",
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">",
            "<RDF>",
            "<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\">",
            "<rss/>",
        ] {
            assert!(looks_like_feed(text), "{text:?}");
        }
    }

    #[test]
    fn sniffing_is_not_fooled_by_html_json_or_other_xml() {
        for text in [
            "<!DOCTYPE html><html><head><title>rss</title></head></html>",
            "<html><body><rss></rss></body></html>",
            r#"{"articles":[{"title":"<rss>","body":"b"}]}"#,
            "[]",
            "Title line\n<rss> in the body",
            "<rsstuff>",
            "<feeds>",
            "<entry xmlns=\"http://www.w3.org/2005/Atom\">",
            "<!-- never closed <rss>",
            "<?xml version=\"1.0\"?>",
            "",
        ] {
            assert!(!looks_like_feed(text), "{text:?}");
        }
    }

    #[test]
    fn a_malformed_feed_names_file_line_and_column() {
        let text = rss2("<item>\n  <title>Broken</titel>\n</item>");
        let err = failure(&text);
        let StoreError::Syntax { line, column, .. } = &err else {
            panic!("{err}")
        };
        assert_eq!((*line, *column), (9, 16), "the `<` of `</titel>`");
        assert_eq!(
            err.to_string(),
            "news.xml:9:16: ill-formed document: expected `</title>`, but `</titel>` was found"
        );
    }

    #[test]
    fn faults_in_the_first_bytes_and_at_the_end_are_placed() {
        let err = failure("<rss version=\"2.0\"><channel><title>A</t>");
        assert!(
            matches!(
                err,
                StoreError::Syntax {
                    line: 1,
                    column: 37,
                    ..
                }
            ),
            "{err}"
        );
        // quick-xml's decoder takes the first 64 bytes at once.
        let err = failure("<rss version=\"2.0\"><channel><!x></channel></rss>");
        assert_eq!(
            err.to_string(),
            "news.xml:1:31: syntax error: unknown or missed symbol in markup"
        );
        let err = failure("<rss version=\"2.0\">\n<channel>\n<title>A</title>\n<item><title>B");
        assert!(matches!(err, StoreError::Syntax { line: 4, .. }), "{err}");
        for reference in ["&#xZZ;", "&bogus"] {
            let text = format!(
                "<rss version=\"2.0\"><channel>\n<title>A {reference} B</title></channel></rss>"
            );
            let err = failure(&text);
            assert!(
                matches!(
                    err,
                    StoreError::Syntax {
                        line: 2,
                        column: 10,
                        ..
                    }
                ),
                "{err}"
            );
        }
    }

    #[test]
    fn faults_deep_in_a_long_feed_are_placed() {
        let item =
            "<item><title>Filler</title><description>Words and more words.</description></item>\n";
        let items = item.repeat(1500);
        assert!(items.len() > 8 * CHUNK);
        let line = 2 + 1500;
        for (fault, column, message) in [
            (
                "<item><title>x</titl></item>",
                15,
                "ill-formed document: expected `</title>`, but `</titl>` was found",
            ),
            (
                "<item><title>x &#xZZ; y</title></item>",
                16,
                "invalid character reference: invalid digit found in string",
            ),
            (
                "<item><!x></item>",
                9,
                "syntax error: unknown or missed symbol in markup",
            ),
        ] {
            let text = format!(
                "<rss version=\"2.0\"><channel><title>C</title>\n{items}{fault}\n</channel></rss>"
            );
            assert_eq!(
                failure(&text).to_string(),
                format!("news.xml:{line}:{column}: {message}")
            );
        }
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

    #[test]
    fn panics_in_feed_rs_refuse_the_file_instead() {
        for item in [
            "<item><title>t</title><author>作者：desk@gazette.example</author></item>",
            "<item><title>t</title><itunes:duration \
             xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">\
             99999999999999999999999</itunes:duration></item>",
            "<item><title>t</title></item><?xml version=\"1.0\" encoding=\"latin1\"?>",
        ] {
            let err = failure(&rss2(item));
            assert!(matches!(err, StoreError::Feed { .. }), "{err}");
            assert!(err.to_string().contains("feed-rs failed"), "{err}");
        }
    }

    #[test]
    fn lines_and_columns_count_characters_from_one() {
        let text = "ab\ncé\u{1f600}x";
        assert_eq!(line_and_column(text, 0), (1, 1));
        assert_eq!(line_and_column(text, 3), (2, 1));
        assert_eq!(line_and_column(text, text.len() - 1), (2, 4));
        assert_eq!(
            line_and_column(text, text.len() - 2),
            (2, 3),
            "inside a character"
        );
        assert_eq!(line_and_column("\u{feff}<a>", 3), (1, 1));
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
