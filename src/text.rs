//! Making untrusted text safe to show and fitting it into columns.
//!
//! Article text comes from anywhere. Nothing of it may reach the terminal
//! as a command, reorder the text around it or hide itself, so every
//! grapheme cluster is shown as one of:
//!
//! - itself, when it is ordinary text;
//! - a stand-in for a control: C0 controls as their Control Pictures
//!   (`␛` for ESC, so `ESC [ 2 J` shows as `␛[2J`), DEL as `␡`, a C1
//!   control as `␛` and the character it abbreviates (U+009B, the one-byte
//!   CSI, as `␛[`);
//! - a named stand-in for a character that reorders or hides text:
//!   bidirectional controls (`<RLO>`), zero-width spaces and joiners outside
//!   an emoji (`<ZWSP>`, `<ZWJ>`), other invisible format characters
//!   (`<U+2061>`);
//! - a combining mark with nothing to combine with, on a dotted circle
//!   (`◌́`);
//! - spaces up to the next tab stop, for a tab.
//!
//! [`shown`] decides this for one cluster; [`visible`] applies it to a
//! whole single-line text. Wrapping ([`crate::wrap`]) measures the same
//! stand-ins, so what is drawn is what was measured.

use std::borrow::Cow;

use std::ops::Range;

use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Columns between tab stops.
pub const TAB_STOP: usize = 8;

/// How one grapheme cluster is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown<'a> {
    /// The text itself.
    Text(&'a str),
    /// A stand-in for something that must not be sent as it is.
    StandIn(Cow<'static, str>),
    /// This many spaces (a tab).
    Spaces(usize),
}

impl Shown<'_> {
    /// Display cells taken.
    pub fn width(&self) -> usize {
        match self {
            Shown::Text(text) => text.width(),
            Shown::StandIn(text) => text.width(),
            Shown::Spaces(n) => *n,
        }
    }

    /// Appends what is shown to `out`.
    pub fn push_to(&self, out: &mut String) {
        match self {
            Shown::Text(text) => out.push_str(text),
            Shown::StandIn(text) => out.push_str(text),
            Shown::Spaces(n) => out.extend(std::iter::repeat_n(' ', *n)),
        }
    }
}

/// How `grapheme`, a grapheme cluster or a unit of [`units`], is shown
/// when it starts at display column `column` (which only a tab cares
/// about).
pub fn shown(grapheme: &str, column: usize) -> Shown<'_> {
    if let [byte] = grapheme.as_bytes()
        && (b' '..=b'~').contains(byte)
    {
        return Shown::Text(grapheme);
    }
    let mut chars = grapheme.chars();
    let Some(first) = chars.next() else {
        return Shown::Text(grapheme);
    };
    if first == '\t' && grapheme.len() == 1 {
        return Shown::Spaces(TAB_STOP - column % TAB_STOP);
    }
    // Joiners and tags are plain inside an emoji.
    let emoji = || grapheme.chars().any(is_emoji);
    let plain = grapheme.chars().all(is_plain) || {
        let emoji = emoji();
        grapheme
            .chars()
            .all(|c| !c.is_control() && stand_in(c, emoji).is_none())
    };
    if plain {
        if is_combining(first) {
            return Shown::StandIn(on_circle(grapheme));
        }
        return Shown::Text(grapheme);
    }
    // Build the stand-in character by character: a cluster such as
    // "a" + ZWJ keeps its "a".
    let emoji = emoji();
    let mut out = String::new();
    for (index, c) in grapheme.chars().enumerate() {
        match stand_in(c, emoji) {
            Some(stand_in) => out.push_str(&stand_in),
            None if index == 0 && is_combining(c) => out.push_str(&on_circle(&c.to_string())),
            None => out.push(c),
        }
    }
    Shown::StandIn(Cow::Owned(out))
}

/// `grapheme`, which begins with a character that takes no cell, on a
/// dotted circle when that makes one cluster (a combining mark); else
/// (a mark that binds forwards) its first character named by code.
fn on_circle(grapheme: &str) -> Cow<'static, str> {
    let circled = format!("◌{grapheme}");
    if circled.graphemes(true).count() == 1 {
        return Cow::Owned(circled);
    }
    let mut chars = grapheme.chars();
    let first = chars.next().map_or(0, u32::from);
    Cow::Owned(format!("<U+{first:04X}>{}", chars.as_str()))
}

/// The longest grapheme cluster, in bytes, that [`units`] keeps whole
/// (far more than any letter with its marks, flag or emoji sequence needs);
/// a longer one is taken apart, so that no line has to look far back for
/// the start of its first cluster.
pub const MAX_CLUSTER_BYTES: usize = 64;

/// The widest a unit of [`units`] may be shown, in cells.
pub const MAX_UNIT_WIDTH: usize = 9;

/// The units `text` is shown in, with their byte offsets: its grapheme
/// clusters, except that a cluster holding a character that needs a
/// stand-in, wider than [`MAX_UNIT_WIDTH`] (a long run of joined emoji) or
/// longer than [`MAX_CLUSTER_BYTES`] is taken character by character. A unit is shown no wider than
/// [`MAX_UNIT_WIDTH`], so a line of that width always holds one.
pub fn units(text: &str) -> Units<'_> {
    Units {
        text,
        ascii: text.is_ascii(),
        at: 0,
        end: text.len(),
        split: Split::No,
    }
}

/// The units of `text` that lie in `range` (which starts and ends between
/// units, as the lines of [`crate::wrap::wrap`] do): the same units, with
/// the same offsets, as [`units`] of the whole text gives there. Clusters
/// are read from the start of the one `range` begins in, so a cluster cut
/// by a line break is still taken apart as it was when it was measured.
pub fn units_in(text: &str, range: Range<usize>) -> Units<'_> {
    let boundary = |at: usize| {
        GraphemeCursor::new(at, text.len(), true)
            .is_boundary(text, 0)
            .unwrap_or(true)
    };
    // The start of the cluster `range` begins in, looked for no further
    // back than the longest cluster kept whole: one longer than that was
    // taken apart, and its characters are units wherever one starts.
    let floor = range.start.saturating_sub(MAX_CLUSTER_BYTES);
    let cluster_start = (floor..=range.start)
        .rev()
        .filter(|&at| text.is_char_boundary(at))
        .find(|&at| boundary(at));
    let mut units = Units {
        text,
        ascii: text[cluster_start.unwrap_or(range.start)..range.end].is_ascii(),
        at: cluster_start.unwrap_or(range.start),
        end: range.end,
        split: match cluster_start {
            Some(_) => Split::No,
            None => Split::ToBoundary,
        },
    };
    while units.at < range.start && units.next().is_some() {}
    units
}

impl Units<'_> {
    /// Goes on from byte `at`, which must start a grapheme cluster.
    pub fn seek(&mut self, at: usize) {
        self.at = at;
        self.split = Split::No;
    }
}

/// Iterator of [`units`].
#[derive(Debug, Clone)]
pub struct Units<'a> {
    text: &'a str,
    ascii: bool,
    at: usize,
    end: usize,
    /// Whether a cluster is being taken character by character, and till
    /// where.
    split: Split,
}

/// How far [`Units`] goes on character by character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Split {
    /// Not at all: the next unit is a whole cluster.
    No,
    /// To this byte, the end of the cluster being taken apart.
    Until(usize),
    /// To the next cluster boundary (the cluster's end was not looked for).
    ToBoundary,
}

impl<'a> Iterator for Units<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let at = self.at;
        if at >= self.end {
            return None;
        }
        let bytes = self.text.as_bytes();
        // An ASCII character followed by another (or by nothing) is a
        // cluster of its own, unless it is the CR of a CR LF.
        if bytes[at].is_ascii()
            && bytes.get(at + 1).is_none_or(u8::is_ascii)
            && !(bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n'))
        {
            self.at = at + 1;
            return Some((at, &self.text[at..=at]));
        }
        let rest = &self.text[at..];
        let first = rest.chars().next()?;
        let one = at + first.len_utf8();
        let end = match self.split {
            _ if self.ascii => one,
            Split::Until(until) if at < until => one,
            Split::ToBoundary => {
                let at_boundary = GraphemeCursor::new(one, self.text.len(), true)
                    .is_boundary(self.text, 0)
                    .unwrap_or(true);
                if at_boundary {
                    self.split = Split::No;
                }
                one
            }
            _ => {
                let cluster = rest.graphemes(true).next()?;
                let long = cluster.len() > MAX_CLUSTER_BYTES;
                if cluster.len() > first.len_utf8() && (long || needs_splitting(cluster)) {
                    self.split = Split::Until(at + cluster.len());
                    one
                } else {
                    at + cluster.len()
                }
            }
        };
        self.at = end;
        Some((at, &self.text[at..end]))
    }
}

fn needs_splitting(cluster: &str) -> bool {
    let emoji = cluster.chars().any(is_emoji);
    cluster
        .chars()
        .any(|c| c.is_control() || stand_in(c, emoji).is_some())
        || shown(cluster, 0).width() > MAX_UNIT_WIDTH
}

/// `text` as it is shown on one line: every unit through [`shown`] (line
/// breaks too become stand-ins, `␊`), tabs expanded from column 0.
pub fn visible(text: &str) -> Cow<'_, str> {
    if text.chars().next().is_none_or(|c| !is_combining(c)) && text.chars().all(is_plain) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut column = 0;
    for (_, unit) in units(text) {
        let shown = shown(unit, column);
        column += shown.width();
        shown.push_to(&mut out);
    }
    Cow::Owned(out)
}

/// Whether `c` may be sent to the terminal as it is.
fn is_plain(c: char) -> bool {
    !c.is_control() && stand_in(c, false).is_none()
}

/// The stand-in for `c`, if it needs one; `in_emoji` keeps the joiners and
/// tags that build emoji sequences.
fn stand_in(c: char, in_emoji: bool) -> Option<Cow<'static, str>> {
    let name = match c {
        '\t' => return Some(Cow::Borrowed("␉")),
        '\u{0}'..='\u{1f}' => {
            let picture = char::from_u32(0x2400 + u32::from(c)).unwrap_or('?');
            return Some(Cow::Owned(picture.to_string()));
        }
        '\u{7f}' => return Some(Cow::Borrowed("␡")),
        '\u{80}'..='\u{9f}' => {
            let abbreviated = char::from_u32(u32::from(c) - 0x40).unwrap_or('?');
            return Some(Cow::Owned(format!("␛{abbreviated}")));
        }
        '\u{200d}' | '\u{e0020}'..='\u{e007f}' if in_emoji => return None,
        '\u{00ad}' => "SHY",
        '\u{061c}' => "ALM",
        '\u{180e}' => "MVS",
        '\u{200b}' => "ZWSP",
        '\u{200c}' => "ZWNJ",
        '\u{200d}' => "ZWJ",
        '\u{200e}' => "LRM",
        '\u{200f}' => "RLM",
        '\u{2028}' => "LS",
        '\u{2029}' => "PS",
        '\u{202a}' => "LRE",
        '\u{202b}' => "RLE",
        '\u{202c}' => "PDF",
        '\u{202d}' => "LRO",
        '\u{202e}' => "RLO",
        '\u{2060}' => "WJ",
        '\u{2066}' => "LRI",
        '\u{2067}' => "RLI",
        '\u{2068}' => "FSI",
        '\u{2069}' => "PDI",
        '\u{feff}' => "BOM",
        '\u{2061}'..='\u{2064}'
        | '\u{206a}'..='\u{206f}'
        | '\u{fff9}'..='\u{fffb}'
        | '\u{e0001}'
        | '\u{e0020}'..='\u{e007f}' => {
            return Some(Cow::Owned(format!("<U+{:04X}>", u32::from(c))));
        }
        _ => return None,
    };
    Some(Cow::Owned(format!("<{name}>")))
}

/// Whether `c` is a pictographic emoji (the blocks emoji sequences are
/// built from).
fn is_emoji(c: char) -> bool {
    matches!(c, '\u{1f000}'..='\u{1faff}' | '\u{2600}'..='\u{27bf}' | '\u{2b00}'..='\u{2bff}')
}

/// Whether `c` is a mark that combines with the character before it (it
/// takes no cell of its own).
fn is_combining(c: char) -> bool {
    !c.is_control() && c != '\u{200d}' && c.width() == Some(0) && !c.is_whitespace()
}

/// `text` cut to at most `width` display cells, ending in `…` when cut;
/// never inside a grapheme cluster. `text` should already be [`visible`].
pub fn truncate(text: &str, width: usize) -> Cow<'_, str> {
    if text.width() <= width {
        return Cow::Borrowed(text);
    }
    if width == 0 {
        return Cow::Borrowed("");
    }
    let mut end = 0;
    let mut used = 0;
    for (at, grapheme) in text.grapheme_indices(true) {
        let w = grapheme.width();
        if used + w > width - 1 {
            break;
        }
        used += w;
        end = at + grapheme.len();
    }
    Cow::Owned(format!("{}…", &text[..end]))
}

/// `text` cut or padded with spaces to exactly `width` cells.
pub fn fit(text: &str, width: usize) -> String {
    let cut = truncate(text, width);
    let pad = width.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(pad))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escape_sequences_are_shown_not_sent() {
        assert_eq!(visible("a\u{1b}[2Jb\u{7}"), "a␛[2Jb␇");
        assert_eq!(visible("x\u{9b}31my\u{7f}"), "x␛[31my␡");
        assert_eq!(
            visible("\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\"),
            "␛]8;;http://x␛\\link␛]8;;␛\\"
        );
        assert_eq!(visible("\u{1b}]0;title\u{7}"), "␛]0;title␇");
        assert_eq!(visible("\u{1b}P1;2q\u{1b}\\"), "␛P1;2q␛\\");
        assert!(matches!(visible("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn reordering_and_hiding_characters_are_named() {
        assert_eq!(visible("abc\u{202e}fed"), "abc<RLO>fed");
        assert_eq!(visible("a\u{2066}b\u{2069}"), "a<LRI>b<PDI>");
        assert_eq!(visible("pay\u{200b}pal"), "pay<ZWSP>pal");
        assert_eq!(visible("a\u{200d}b"), "a<ZWJ>b");
        assert_eq!(visible("\u{feff}x"), "<BOM>x");
        assert_eq!(visible("a\u{2062}b"), "a<U+2062>b");
        assert_eq!(visible("soft\u{ad}hyphen"), "soft<SHY>hyphen");
    }

    #[test]
    fn emoji_sequences_are_kept_whole() {
        for emoji in [
            "👩\u{200d}💻",
            "👍🏽",
            "🇫🇷",
            "❤\u{fe0f}",
            "🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}",
        ] {
            assert_eq!(visible(emoji), emoji);
        }
    }

    #[test]
    fn tabs_reach_the_next_stop() {
        assert_eq!(visible("a\tb"), "a       b");
        assert_eq!(visible("abcdefgh\tb"), "abcdefgh        b");
        assert_eq!(shown("\t", 3), Shown::Spaces(5));
    }

    #[test]
    fn a_lone_combining_mark_gets_a_base() {
        assert_eq!(visible("\u{301}e"), "◌\u{301}e");
        assert_eq!(visible("e\u{301}"), "e\u{301}");
        assert_eq!(visible("\u{1b}\u{301}"), "␛◌\u{301}");
        // A mark that binds to what follows is named instead.
        assert_eq!(visible("a\u{e0020}\u{70f}"), "a<U+E0020><U+070F>");
    }

    #[test]
    fn clusters_with_stand_ins_are_shown_char_by_char() {
        let text = "a\u{200c}\u{e0020}b";
        let split: Vec<&str> = units(text).map(|(_, u)| u).collect();
        let marks = format!("a{}", "\u{301}".repeat(40));
        assert_eq!(units(&marks).count(), 41, "a cluster too long to keep");
        let cut = 1 + 2 * 30;
        let tail: Vec<(usize, &str)> = units_in(&marks, cut..marks.len()).collect();
        assert_eq!(tail, units(&marks).skip(31).collect::<Vec<_>>());
        assert_eq!(split, ["a", "\u{200c}", "\u{e0020}", "b"]);
        assert_eq!(visible(text), "a<ZWNJ><U+E0020>b");
        let coder = "👩\u{200d}💻";
        assert_eq!(units(coder).count(), 1);
    }

    #[test]
    fn units_in_a_range_are_those_of_the_whole_text() {
        let text = "x 👩\u{200d}💻\u{200c} y";
        let whole: Vec<(usize, &str)> = units(text).collect();
        // A line that ends inside the split cluster, and one that starts
        // inside it.
        let cut = whole[3].0;
        let first: Vec<(usize, &str)> = units_in(text, 0..cut).collect();
        let second: Vec<(usize, &str)> = units_in(text, cut..text.len()).collect();
        assert_eq!([first, second].concat(), whole);
    }

    #[test]
    fn truncate_counts_display_width() {
        assert_eq!(truncate("日本語テキスト", 7), "日本語…");
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn truncate_never_splits_a_cluster() {
        assert_eq!(truncate("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
        assert_eq!(truncate("👩\u{200d}💻👩\u{200d}💻", 3), "👩\u{200d}💻…");
    }

    #[test]
    fn fit_pads_to_the_width() {
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(fit("日本", 5), "日本 ");
        assert_eq!(fit("abcdef", 4).width(), 4);
    }

    proptest! {
        #[test]
        fn shown_text_has_no_control_and_is_stable(
            text in "(\\PC|\\p{Cc}|\\p{Cf}|\u{1b}\\[[0-9;]*[A-Za-z]|\u{1b}\\][^\u{7}]*\u{7}|\t)*",
        ) {
            let once = visible(&text).into_owned();
            prop_assert!(!once.chars().any(char::is_control), "{once:?}");
            let hidden = |c: char| {
                matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{feff}')
            };
            prop_assert!(!once.chars().any(hidden), "{once:?}");
            prop_assert_eq!(visible(&once), once.as_str());
        }
    }
}
