//! Key names in `[keys]`: `j`, `G`, `Enter`, `PgDn`, `F5`, `ctrl-n`.
//!
//! A key is kept as the key map keeps it (a [`KeyCode`] and whether Ctrl is
//! held, the parts of [`crate::keymap::Binding`]), so a binding read here
//! compares with a key press exactly as a built-in one does.

use std::fmt;

use ratatui::crossterm::event::KeyCode;

/// A key to press, with or without Ctrl.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Whether Ctrl must be held.
    pub ctrl: bool,
}

/// The names of keys that are not characters, each with the name shown
/// first; names are matched in any case.
#[rustfmt::skip]
const NAMED: &[(KeyCode, &[&str])] = &[
    (KeyCode::Enter, &["Enter", "Return"]),
    (KeyCode::Esc, &["Esc", "Escape"]),
    (KeyCode::Tab, &["Tab"]),
    (KeyCode::BackTab, &["Shift-Tab", "BackTab"]),
    (KeyCode::Backspace, &["Backspace", "Bksp"]),
    (KeyCode::Delete, &["Delete", "Del"]),
    (KeyCode::Insert, &["Insert", "Ins"]),
    (KeyCode::Up, &["Up"]),
    (KeyCode::Down, &["Down"]),
    (KeyCode::Left, &["Left"]),
    (KeyCode::Right, &["Right"]),
    (KeyCode::Home, &["Home"]),
    (KeyCode::End, &["End"]),
    (KeyCode::PageUp, &["PageUp", "PgUp"]),
    (KeyCode::PageDown, &["PageDown", "PgDn"]),
    (KeyCode::Char(' '), &["Space"]),
];

/// The prefixes that say Ctrl is held, matched in any case.
const CTRL_PREFIXES: [&str; 2] = ["ctrl-", "c-"];

/// What the error message offers instead of a name it does not know.
pub(super) const KEY_NAMES_HINT: &str = "a character, Enter, Esc, Tab, Shift-Tab, Backspace, \
     Delete, Insert, Up, Down, Left, Right, Home, End, PageUp, PageDown, Space or F1-F12, \
     with ctrl- before it for Ctrl";

impl Key {
    /// Reads a key name: one character (case matters: `G` is Shift-g), or a
    /// name such as `Enter`, `PgDn` or `F5` (any case), after an optional
    /// `ctrl-` or `C-` (any case).
    ///
    /// Ctrl with a letter ignores the letter's case, since terminals send
    /// Ctrl-N and Ctrl-n alike. `None` when the name is not a key's.
    pub fn parse(name: &str) -> Option<Self> {
        let (ctrl, rest) = strip_ctrl(name);
        let code = code_named(rest)?;
        let code = match code {
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            code => code,
        };
        Some(Self { code, ctrl })
    }
}

fn strip_ctrl(name: &str) -> (bool, &str) {
    for prefix in CTRL_PREFIXES {
        // A prefix alone (`c-`) is no key with Ctrl; and `-` alone is a key.
        if name.len() > prefix.len()
            && name
                .get(..prefix.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
        {
            return (true, &name[prefix.len()..]);
        }
    }
    (false, name)
}

fn code_named(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        // A control character cannot be typed as itself; it has a name or
        // is Ctrl and a letter.
        return (!c.is_control()).then_some(KeyCode::Char(c));
    }
    if let Some(names) = NAMED
        .iter()
        .find(|(_, names)| names.iter().any(|known| known.eq_ignore_ascii_case(name)))
    {
        return Some(names.0);
    }
    let number = name.strip_prefix(['F', 'f'])?;
    // `F01` is not a name anyone writes; only the digits as shown are read.
    if number.starts_with('0') {
        return None;
    }
    match number.parse::<u8>() {
        Ok(n @ 1..=12) => Some(KeyCode::F(n)),
        _ => None,
    }
}

impl fmt::Display for Key {
    /// The key's name as [`Key::parse`] reads it back: `ctrl-n`, `G`,
    /// `PageDown`, `F5`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if let Some((_, names)) = NAMED.iter().find(|(code, _)| *code == self.code) {
            return f.write_str(names[0]);
        }
        match self.code {
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            // Keys no name reads are never made by `parse`; shown as
            // crossterm names them.
            other => write!(f, "{other}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str) -> Option<(KeyCode, bool)> {
        Key::parse(name).map(|key| (key.code, key.ctrl))
    }

    #[test]
    fn single_characters_are_keys_and_keep_their_case() {
        for c in ['j', 'G', '?', '/', '\'', '*', '-', 'é', ' '] {
            assert_eq!(key(&c.to_string()), Some((KeyCode::Char(c), false)));
        }
    }

    #[test]
    fn named_keys_are_read_in_any_case_and_with_their_short_forms() {
        let cases = [
            ("Enter", KeyCode::Enter),
            ("esc", KeyCode::Esc),
            ("Tab", KeyCode::Tab),
            ("BackTab", KeyCode::BackTab),
            ("Shift-Tab", KeyCode::BackTab),
            ("shift-tab", KeyCode::BackTab),
            ("Backspace", KeyCode::Backspace),
            ("Bksp", KeyCode::Backspace),
            ("UP", KeyCode::Up),
            ("Down", KeyCode::Down),
            ("Left", KeyCode::Left),
            ("Right", KeyCode::Right),
            ("Home", KeyCode::Home),
            ("End", KeyCode::End),
            ("PageUp", KeyCode::PageUp),
            ("PgUp", KeyCode::PageUp),
            ("PageDown", KeyCode::PageDown),
            ("pgdn", KeyCode::PageDown),
            ("Space", KeyCode::Char(' ')),
            ("F1", KeyCode::F(1)),
            ("f12", KeyCode::F(12)),
        ];
        for (name, code) in cases {
            assert_eq!(key(name), Some((code, false)), "{name}");
        }
    }

    #[test]
    fn ctrl_is_written_three_ways_and_ignores_a_letters_case() {
        for name in ["ctrl-n", "Ctrl-n", "C-n", "CTRL-N", "c-N"] {
            assert_eq!(key(name), Some((KeyCode::Char('n'), true)), "{name}");
        }
        assert_eq!(key("ctrl-Space"), Some((KeyCode::Char(' '), true)));
        assert_eq!(key("ctrl--"), Some((KeyCode::Char('-'), true)));
        assert_eq!(key("C-F5"), Some((KeyCode::F(5), true)));
    }

    #[test]
    fn anything_else_is_no_key() {
        for name in [
            "", "jj", "Entr", "F0", "F13", "F01", "ctrl-", "C-", "ctrl-jj", "shift-x", "\u{7}",
            "alt-x",
        ] {
            assert_eq!(key(name), None, "{name:?}");
        }
    }

    #[test]
    fn a_key_reads_back_as_it_is_shown() {
        for name in [
            "j", "G", "ctrl-n", "Enter", "Esc", "Tab", "BackTab", "Bksp", "Del", "Ins", "Up",
            "Down", "Left", "Right", "Home", "End", "PgUp", "PgDn", "Space", "F7", "C-F12", "\"",
            "\\",
        ] {
            let parsed = Key::parse(name).unwrap();
            assert_eq!(Key::parse(&parsed.to_string()), Some(parsed), "{name}");
        }
        assert_eq!(Key::parse("C-x").unwrap().to_string(), "ctrl-x");
        assert_eq!(Key::parse("bksp").unwrap().to_string(), "Backspace");
        assert_eq!(Key::parse(" ").unwrap().to_string(), "Space");
    }
}
