//! An article's text: held in memory, or read from the store file when it
//! is needed.
//!
//! A store of a million articles holds gigabytes of text, and the reader
//! needs the text of one article at a time (and of all of them only while
//! an index is built or a search scans). So when a file is read from disk,
//! a body that is a plain JSON string stays in the file: the article keeps
//! where its string is ([`Body::text`] reads and unescapes it when asked),
//! and the file is mapped into memory rather than read into it, so that
//! the operating system keeps its pages only while they are used.
//!
//! Text that had to be changed on the way in (HTML made plain, several
//! parts joined, a `.txt` article) is held as it is.

use std::borrow::Cow;
use std::fmt;
use std::fs::File;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The text of a store file, as the loader read it, and the file's path.
pub struct Source {
    path: Option<PathBuf>,
    data: Data,
}

enum Data {
    /// Mapped into memory from the file.
    Mapped(memmap2::Mmap),
    /// Mapped, and checked to be UTF-8 as a whole.
    MappedText(memmap2::Mmap),
    /// Held in memory.
    Owned(String),
    /// Built into the binary.
    Static(&'static str),
}

impl Source {
    /// Text read from the file at `path` into memory.
    pub fn owned(path: &Path, text: String) -> Self {
        Self {
            path: Some(path.to_owned()),
            data: Data::Owned(text),
        }
    }

    /// Text that is no file's.
    pub fn fixed(text: &'static str) -> Self {
        Self {
            path: None,
            data: Data::Static(text),
        }
    }

    /// Maps `file`, found at `path`, into memory, read-only (see
    /// [`crate::column::map_file`] for what another program can do to it).
    pub fn map(path: &Path, file: &File) -> std::io::Result<Self> {
        let map = crate::column::map_file(file)?;
        Ok(Self {
            path: Some(path.to_owned()),
            data: Data::Mapped(map),
        })
    }

    /// Maps `file`, found at `path`, as [`Source::map`] does, and checks
    /// that it is UTF-8, a window at a time, giving each window's memory
    /// back once checked; the place of the first byte that is not UTF-8
    /// otherwise.
    pub(super) fn map_text(path: &Path, file: &File) -> std::io::Result<Result<Self, usize>> {
        let Data::Mapped(map) = Self::map(path, file)?.data else {
            return Err(std::io::Error::other("not mapped"));
        };
        let mut at = 0;
        while at < map.len() {
            let start = at;
            let end = (at + WINDOW).min(map.len());
            match std::str::from_utf8(&map[at..end]) {
                Ok(_) => at = end,
                // A character cut by the window's end: checked with the next.
                Err(err)
                    if err.error_len().is_none() && end < map.len() && err.valid_up_to() > 0 =>
                {
                    at += err.valid_up_to();
                }
                Err(err) => return Ok(Err(at + err.valid_up_to())),
            }
            release(&map, start..at);
        }
        Ok(Ok(Self {
            path: Some(path.to_owned()),
            data: Data::MappedText(map),
        }))
    }

    /// Gives back the memory that holds `range` of a mapped file, which is
    /// read again from the file if it is needed again; nothing for text in
    /// memory.
    pub fn release(&self, range: Range<usize>) {
        if let Data::Mapped(map) | Data::MappedText(map) = &self.data {
            release(map, range);
        }
    }

    /// The file's path, when the text is a file's.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The file as text; `None` when it is not UTF-8.
    pub fn text(&self) -> Option<&str> {
        match &self.data {
            Data::Mapped(map) => std::str::from_utf8(map).ok(),
            Data::MappedText(map) => Some(checked_text(map)),
            Data::Owned(text) => Some(text),
            Data::Static(text) => Some(text),
        }
    }

    /// The bytes of the file.
    pub fn bytes(&self) -> &[u8] {
        match &self.data {
            Data::Mapped(map) | Data::MappedText(map) => map,
            Data::Owned(text) => text.as_bytes(),
            Data::Static(text) => text.as_bytes(),
        }
    }
}

impl fmt::Debug for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let how = match &self.data {
            Data::Mapped(_) | Data::MappedText(_) => "mapped",
            Data::Owned(_) => "owned",
            Data::Static(_) => "static",
        };
        write!(
            f,
            "Source({how}, {} bytes, {:?})",
            self.bytes().len(),
            self.path
        )
    }
}

/// How much of a mapped file is checked or read before its memory is given
/// back.
const WINDOW: usize = 64 << 20;

/// Gives back the whole pages of `map` within `range`.
#[expect(
    unsafe_code,
    reason = "telling the kernel a mapped range is not needed is unsafe in memmap2"
)]
fn release(map: &memmap2::Mmap, range: Range<usize>) {
    // The pages the range touches go whole, shared ones too (the start is
    // rounded down to a page, the end up): what is still needed of them
    // is read again.
    let (start, end) = (range.start.min(map.len()), range.end.min(map.len()));
    if end > start {
        // SAFETY: the map is read-only and never written through, so
        // dropping its pages loses nothing: the next read of them reads the
        // file again, and a slice borrowed from them stays valid.
        let _ = unsafe {
            map.unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, start, end - start)
        };
    }
}

/// The text of a map checked to be UTF-8 by [`Source::map_text`].
#[expect(unsafe_code, reason = "the text was checked whole when it was mapped")]
fn checked_text(map: &memmap2::Mmap) -> &str {
    // SAFETY: `Data::MappedText` is made only by `Source::map_text`, after
    // every byte was checked to be UTF-8; the map is never written. (A
    // file changed by another program while mapped is the risk
    // `Source::map` states.)
    unsafe { std::str::from_utf8_unchecked(map) }
}

/// An article's text.
#[derive(Clone)]
pub struct Body(Repr);

#[derive(Clone)]
enum Repr {
    Held(String),
    /// A JSON string literal, quotes included, at `range` of `source`.
    InFile {
        source: Arc<Source>,
        range: Range<usize>,
    },
}

impl Body {
    /// Text held in memory.
    pub fn held(text: impl Into<String>) -> Self {
        Self(Repr::Held(text.into()))
    }

    /// The JSON string literal at `range` of `source`, read when needed.
    /// `None` unless the range holds a string literal that is not blank.
    pub(super) fn in_file(source: &Arc<Source>, range: Range<usize>) -> Option<Self> {
        let raw = source.bytes().get(range.clone())?;
        if raw.len() < 2 || raw[0] != b'"' || raw[raw.len() - 1] != b'"' {
            return None;
        }
        let body = Self(Repr::InFile {
            source: Arc::clone(source),
            range,
        });
        (!body.text().trim().is_empty()).then_some(body)
    }

    /// The JSON string literal at `range` of `source`, trusted to be one
    /// (it was when the source was read, and the file is the same): nothing
    /// of the file is read until the text is needed.
    pub fn placed(source: &Arc<Source>, range: Range<usize>) -> Self {
        Self(Repr::InFile {
            source: Arc::clone(source),
            range,
        })
    }

    /// Where the text is kept, when it is in a file: the file's text and
    /// the range of its JSON string literal.
    pub fn place(&self) -> Option<(&Arc<Source>, Range<usize>)> {
        match &self.0 {
            Repr::Held(_) => None,
            Repr::InFile { source, range } => Some((source, range.clone())),
        }
    }

    /// The text: borrowed when the file's string has no escapes, else
    /// unescaped into a new string.
    pub fn text(&self) -> Cow<'_, str> {
        match &self.0 {
            Repr::Held(text) => Cow::Borrowed(text),
            Repr::InFile { source, range } => {
                let raw = source
                    .bytes()
                    .get(range.clone())
                    .and_then(|raw| std::str::from_utf8(raw).ok())
                    .unwrap_or("\"\"");
                let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or_default();
                if inner.contains('\\') {
                    Cow::Owned(serde_json::from_str::<String>(raw).unwrap_or_default())
                } else {
                    Cow::Borrowed(inner)
                }
            }
        }
    }

    /// Whether there is no text.
    pub fn is_empty(&self) -> bool {
        match &self.0 {
            Repr::Held(text) => text.is_empty(),
            Repr::InFile { range, .. } => range.len() <= 2,
        }
    }

    /// Whether the text is read from a file when needed, not held.
    pub fn is_in_file(&self) -> bool {
        matches!(self.0, Repr::InFile { .. })
    }
}

impl Default for Body {
    fn default() -> Self {
        Self::held(String::new())
    }
}

impl From<String> for Body {
    fn from(text: String) -> Self {
        Self::held(text)
    }
}

impl From<&str> for Body {
    fn from(text: &str) -> Self {
        Self::held(text)
    }
}

impl PartialEq for Body {
    fn eq(&self, other: &Self) -> bool {
        self.text() == other.text()
    }
}

impl Eq for Body {}

impl PartialEq<str> for Body {
    fn eq(&self, other: &str) -> bool {
        self.text() == other
    }
}

impl PartialEq<&str> for Body {
    fn eq(&self, other: &&str) -> bool {
        self.text() == *other
    }
}

impl PartialEq<String> for Body {
    fn eq(&self, other: &String) -> bool {
        self.text() == other.as_str()
    }
}

impl serde::Serialize for Body {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text())
    }
}

impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.text(), f)
    }
}

impl fmt::Display for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn in_file(json: &'static str) -> Option<Body> {
        let source = Arc::new(Source::fixed(json));
        Body::in_file(&source, 0..json.len())
    }

    #[test]
    fn a_string_in_the_file_is_read_when_needed_and_unescaped() {
        let plain = in_file(r#""No escapes here.""#).unwrap();
        assert!(matches!(plain.text(), Cow::Borrowed("No escapes here.")));
        let escaped = in_file(r#""One.\n\nTwo \u00e9 \"quoted\"""#).unwrap();
        assert_eq!(escaped.text(), "One.\n\nTwo é \"quoted\"");
        assert!(escaped.is_in_file() && !escaped.is_empty());
        assert_eq!(escaped, Body::held("One.\n\nTwo é \"quoted\""));
    }

    #[test]
    fn only_a_string_that_is_not_blank_stays_in_the_file() {
        assert!(in_file("12").is_none());
        assert!(in_file(r#""  ""#).is_none());
        assert!(in_file(r#""""#).is_none());
        let source = Arc::new(Source::fixed(r#""abc""#));
        assert!(Body::in_file(&source, 0..40).is_none(), "out of range");
    }
}
