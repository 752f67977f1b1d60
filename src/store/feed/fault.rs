//! Why a file could not be read as a feed, and where in it.
//!
//! Neither feed-rs nor quick-xml tells where an XML fault is, so the file is
//! read again through a reader that hands it over in chunks and then, near
//! where the parser stopped, one byte at a time: the bytes handed over end
//! where the parser stopped. After most faults feed-rs reads one event more
//! before it gives up; then the shortest start of the file that fails the
//! same way is found by halving. A fault costs a few more parses, none of
//! which happen when the file is sound.

use std::io::{self, Read};
use std::path::Path;

use feed_rs::parser::ParseFeedError;

use super::parser::run;
use crate::store::StoreError;

/// Spaces put before the text when it is read one byte at a time, to fill
/// the 64 bytes quick-xml's decoder takes at once to look for an encoding.
const PAD: usize = 64;
/// Bytes handed over at once when a fault is looked for, before the stretch
/// read one byte at a time.
const CHUNK: usize = 8192;

/// Why a file could not be read as a feed, before it is put in words.
#[derive(Debug)]
pub(super) enum Fault {
    /// Not a feed: what it is instead.
    NotAFeed(String),
    /// Something wrong at byte `at` of the text.
    At { at: usize, message: String },
    /// Something wrong, with no one place to point at.
    Whole(String),
}

impl Fault {
    /// The error that names `path` and, for a fault at a place, its line
    /// and column in `text`.
    pub(super) fn into_error(self, path: &Path, text: &str) -> StoreError {
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

/// How far into `text` feed-rs reads before it meets the XML fault that
/// fails it, which it tells as `said`.
pub(super) fn fault_end(text: &str, said: &str) -> Option<usize> {
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
pub(super) fn fault_start(text: &str, end: usize) -> usize {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::feed::fixtures::{failure, rss2};

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
}
