//! Deep nesting cut into pieces before it is parsed.
//!
//! html5ever's tree builder takes time quadratic in the nesting depth and
//! has no cap. So the input is cut where a cheap count says too many
//! elements are open, and each piece is parsed on its own: the elements
//! open at a cut end there, which loses nesting but no words. Ordinary HTML
//! is one piece.

/// Most elements a piece of input may leave open, by the count of
/// [`pieces`]: browsers stop nesting at 512.
const MAX_OPEN: usize = 256;

/// `html` cut before start tags into pieces that each leave at most
/// [`MAX_OPEN`] elements open, so that each can be parsed on its own in
/// reasonable time: html5ever's tree builder takes time quadratic in the
/// nesting depth and has no cap. Ordinary HTML stays one piece.
///
/// The count is a cheap estimate, not a parse: it skips comments and the
/// content of elements whose content is text (`script`, `style`, …), adds
/// one for a start tag and takes one away for an end tag, leaving out void
/// elements, self-closed tags and the elements that the next one of their
/// kind closes (`p`, `li`, `td`, …). Crafted input can nest deeper than it
/// counts; it then costs parse time, nothing worse.
pub(super) fn pieces(html: &str) -> Vec<&str> {
    let bytes = html.as_bytes();
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut open = 0usize;
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let lt = at + found;
        at = lt + 1;
        let rest = &bytes[at..];
        if rest.starts_with(b"!--") {
            at = memchr::memmem::find(&rest[3..], b"-->").map_or(bytes.len(), |end| at + end + 6);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let Some(name) = TagName::read(&rest[usize::from(closing)..]) else {
            continue;
        };
        let Some(tag_end) = memchr::memchr(b'>', rest) else {
            break;
        };
        at += tag_end + 1;
        if closing {
            if name.nests() {
                open = open.saturating_sub(1);
            }
        } else if name.as_bytes() == b"plaintext" {
            // Everything after it is text.
            break;
        } else if name.holds_text() {
            at = end_tag(bytes, at, name.as_bytes());
        } else if name.nests() && rest[tag_end.saturating_sub(1)] != b'/' {
            if open == MAX_OPEN {
                pieces.push(&html[start..lt]);
                start = lt;
                open = 0;
            }
            open += 1;
        }
    }
    pieces.push(&html[start..]);
    pieces
}

/// Where the end tag `</name` starts at or after `from`, or the end of input.
fn end_tag(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(found) = memchr::memmem::find(&bytes[at..], b"</") {
        let lt = at + found;
        let after = &bytes[lt + 2..];
        if after.len() >= name.len()
            && after[..name.len()].eq_ignore_ascii_case(name)
            && !after.get(name.len()).is_some_and(u8::is_ascii_alphanumeric)
        {
            return lt;
        }
        at = lt + 2;
    }
    bytes.len()
}

/// The lower-case name at the start of a tag, for [`pieces`].
struct TagName {
    bytes: [u8; 16],
    len: usize,
}

impl TagName {
    /// Reads the name at the start of `tag` (what follows `<` or `</`); a
    /// name longer than 16 bytes is cut short, which matters to no rule.
    fn read(tag: &[u8]) -> Option<Self> {
        if !tag.first().is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
        let mut name = TagName {
            bytes: [0; 16],
            len: 0,
        };
        for (to, from) in name.bytes.iter_mut().zip(
            tag.iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-'),
        ) {
            *to = from.to_ascii_lowercase();
            name.len += 1;
        }
        Some(name)
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    /// Whether the element's content is text up to its end tag.
    fn holds_text(&self) -> bool {
        matches!(
            self.as_bytes(),
            b"iframe"
                | b"noembed"
                | b"noframes"
                | b"plaintext"
                | b"script"
                | b"style"
                | b"textarea"
                | b"title"
                | b"xmp"
        )
    }

    /// Whether a start tag of the element can add a level of nesting.
    fn nests(&self) -> bool {
        !matches!(
            self.as_bytes(),
            // Void elements.
            b"area" | b"base" | b"basefont" | b"bgsound" | b"br" | b"col" | b"embed" | b"frame"
                | b"hr" | b"image" | b"img" | b"input" | b"keygen" | b"link" | b"meta"
                | b"param" | b"source" | b"track" | b"wbr"
                // Closed by the next of their kind, or only ever one deep.
                | b"body" | b"caption" | b"colgroup" | b"dd" | b"dt" | b"head" | b"html"
                | b"li" | b"optgroup" | b"option" | b"p" | b"rb" | b"rp" | b"rt" | b"rtc"
                | b"tbody" | b"td" | b"tfoot" | b"th" | b"thead" | b"tr"
        ) && !self.holds_text()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_parsed_in_pieces_and_ordinary_html_in_one() {
        let article = "<div><p>One <b>two</b></p><ul><li>x<li>y</ul><img src=a><br></div>";
        assert_eq!(pieces(&article.repeat(1000)).len(), 1);
        let deep = "<div>".repeat(3 * MAX_OPEN);
        let cut = pieces(&deep);
        assert_eq!(cut.len(), 3);
        assert_eq!(cut.concat(), deep);
        // Tags inside comments and scripts are not counted.
        let hidden = format!("<!--{deep}--><script>'{deep}'</script>");
        assert_eq!(pieces(&hidden).len(), 1);
    }
}
