//! Making untrusted text safe and fitting it into columns.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` with every control character replaced by a visible stand-in, so
/// that nothing from an article is ever sent to the terminal as a command:
/// C0 controls become their Control Pictures (ESC shows as `␛`), DEL `␡`,
/// C1 controls `¿`. Tabs become a space.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\t' => ' ',
                '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('?'),
                '\u{7f}' => '␡',
                c if c.is_control() => '¿',
                c => c,
            })
            .collect(),
    )
}

/// `text` cut to at most `width` display cells, ending in `…` when cut.
pub fn truncate(text: &str, width: usize) -> Cow<'_, str> {
    if text.width() <= width {
        return Cow::Borrowed(text);
    }
    if width == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    Cow::Owned(out)
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

    #[test]
    fn escape_sequences_are_shown_not_sent() {
        assert_eq!(visible("a\u{1b}[2Jb\u{7}"), "a␛[2Jb␇");
        assert_eq!(visible("x\u{9b}y\u{7f}"), "x¿y␡");
        assert!(matches!(visible("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn truncate_counts_display_width() {
        assert_eq!(truncate("日本語テキスト", 7), "日本語…");
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn fit_pads_to_the_width() {
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(fit("日本", 5), "日本 ");
        assert_eq!(fit("abcdef", 4).width(), 4);
    }
}
