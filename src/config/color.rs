//! Colours in `[colors]`: a name, a palette number or `#rrggbb`.
//!
//! Only the sixteen colours every terminal has are named, as ratatui names
//! them; anything finer is a palette number (0-255) or an RGB triple, which
//! say exactly what they mean. `reset` is the terminal's own colour.

use ratatui::style::Color;

/// The named colours, each by the name shown first. A name is matched in
/// any case, with `-`, `_` or nothing between its words, and `grey` for
/// `gray`.
#[rustfmt::skip]
const NAMED: &[(Color, &str)] = &[
    (Color::Reset, "reset"),
    (Color::Black, "black"),
    (Color::Red, "red"),
    (Color::Green, "green"),
    (Color::Yellow, "yellow"),
    (Color::Blue, "blue"),
    (Color::Magenta, "magenta"),
    (Color::Cyan, "cyan"),
    (Color::Gray, "gray"),
    (Color::DarkGray, "dark-gray"),
    (Color::LightRed, "light-red"),
    (Color::LightGreen, "light-green"),
    (Color::LightYellow, "light-yellow"),
    (Color::LightBlue, "light-blue"),
    (Color::LightMagenta, "light-magenta"),
    (Color::LightCyan, "light-cyan"),
    (Color::White, "white"),
];

/// A colour as written in the file, before it is checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Written {
    /// A name or `#rrggbb`.
    Text(String),
    /// A palette number, any integer as TOML reads it.
    Number(i64),
}

/// The colour `written` stands for, or the message saying why it is none.
pub(super) fn parse(written: &Written) -> Result<Color, String> {
    match written {
        Written::Number(n) => u8::try_from(*n)
            .map(Color::Indexed)
            .map_err(|_| format!("colour {n} is out of range (0-255)")),
        Written::Text(text) => {
            // A number in quotes means what the number means.
            if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
                return text
                    .parse::<u8>()
                    .map(Color::Indexed)
                    .map_err(|_| format!("colour {text} is out of range (0-255)"));
            }
            if let Some(hex) = text.strip_prefix('#') {
                return rgb(hex).ok_or_else(|| {
                    format!("bad colour {text:?}: `#` is followed by six hex digits (#rrggbb)")
                });
            }
            named(text).ok_or_else(|| {
                format!("unknown colour {text:?} (a name such as light-red, 0-255 or #rrggbb)")
            })
        }
    }
}

fn named(text: &str) -> Option<Color> {
    let squeezed: String = text
        .chars()
        .filter(|c| !matches!(c, '-' | '_'))
        .map(|c| c.to_ascii_lowercase())
        .collect::<String>()
        .replace("grey", "gray");
    NAMED
        .iter()
        .find(|(_, name)| name.replace('-', "") == squeezed)
        .map(|(color, _)| *color)
}

fn rgb(hex: &str) -> Option<Color> {
    // `u8::from_str_radix` takes a sign; a colour does not.
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |at: usize| u8::from_str_radix(&hex[at..at + 2], 16).ok();
    Some(Color::Rgb(byte(0)?, byte(2)?, byte(4)?))
}

/// `color` as the file writes it, read back by [`parse`]: a name, a number
/// or `#rrggbb`.
pub(super) fn written(color: Color) -> Written {
    match color {
        Color::Indexed(n) => Written::Number(i64::from(n)),
        Color::Rgb(r, g, b) => Written::Text(format!("#{r:02x}{g:02x}{b:02x}")),
        named => Written::Text(
            NAMED
                .iter()
                .find(|(known, _)| *known == named)
                .map_or("reset", |(_, name)| name)
                .to_owned(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Result<Color, String> {
        parse(&Written::Text(s.to_owned()))
    }

    #[test]
    fn names_are_read_in_any_case_with_any_separator() {
        for name in [
            "light-red",
            "light_red",
            "lightred",
            "LightRed",
            "LIGHT-RED",
        ] {
            assert_eq!(text(name), Ok(Color::LightRed), "{name}");
        }
        assert_eq!(text("dark-grey"), Ok(Color::DarkGray));
        assert_eq!(text("Gray"), Ok(Color::Gray));
        assert_eq!(text("reset"), Ok(Color::Reset));
    }

    #[test]
    fn every_named_colour_reads_back_as_it_is_written() {
        for &(color, _) in NAMED {
            assert_eq!(parse(&written(color)), Ok(color));
        }
        for color in [
            Color::Indexed(0),
            Color::Indexed(255),
            Color::Rgb(0, 0x7f, 0xff),
        ] {
            assert_eq!(parse(&written(color)), Ok(color));
        }
        assert_eq!(
            written(Color::Rgb(255, 204, 0)),
            Written::Text("#ffcc00".to_owned())
        );
    }

    #[test]
    fn numbers_are_palette_entries_up_to_255() {
        assert_eq!(parse(&Written::Number(33)), Ok(Color::Indexed(33)));
        assert_eq!(
            parse(&Written::Number(256)),
            Err("colour 256 is out of range (0-255)".to_owned())
        );
        assert!(parse(&Written::Number(-1)).is_err());
        assert_eq!(text("33"), Ok(Color::Indexed(33)));
        assert!(text("99999999999999999999999").is_err());
    }

    #[test]
    fn hex_is_exactly_six_digits() {
        assert_eq!(text("#FFcc00"), Ok(Color::Rgb(255, 204, 0)));
        for bad in [
            "#fc0", "#ffcc0", "#ffcc000", "#ggcc00", "#+fcc00", "#", "#ffcc0é",
        ] {
            assert!(text(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn other_names_are_refused() {
        assert_eq!(
            text("redish"),
            Err(
                "unknown colour \"redish\" (a name such as light-red, 0-255 or #rrggbb)".to_owned()
            )
        );
        for bad in ["", "light", "bright-red", "-3", "rgb(1,2,3)"] {
            assert!(text(bad).is_err(), "{bad}");
        }
    }
}
