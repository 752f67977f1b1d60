//! The reader's work outside itself: opening an address in the user's
//! browser, and putting text on the terminal's clipboard.
//!
//! The browser is `$BROWSER`, as other terminal programs read it: a list of
//! commands separated by `:`, tried in turn; in each, `%s` stands for the
//! address (and `%%` for `%`), else the address is added at the end.
//! Without `$BROWSER`, `xdg-open` (or `open` on macOS). A command is split
//! into words at white space (quotes keep white space in a word) and run
//! directly, never through a shell, so the address reaches it as one
//! argument whatever it holds. The reader does not wait for it: a thread
//! reaps it when it ends.

use std::io::{self, Write};
use std::process::{Command, Stdio};

use base64::Engine as _;

use crate::action::Notice;

/// The commands `$BROWSER` (or the system's opener) gives for `url`, each
/// as its words, in the order to try them.
pub fn browser_commands(browser: Option<&str>, url: &str) -> Vec<Vec<String>> {
    let fallback = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let browser = browser.filter(|b| !b.trim().is_empty()).unwrap_or(fallback);
    browser
        .split(':')
        .map(words)
        .filter(|words| !words.is_empty())
        .map(|mut words| {
            let mut placed = false;
            for word in &mut words {
                if word.contains("%s") {
                    *word = word.replace("%s", url);
                    placed = true;
                }
                if word.contains("%%") {
                    *word = word.replace("%%", "%");
                }
            }
            if !placed {
                words.push(url.to_owned());
            }
            words
        })
        .collect()
}

/// Opens `url` with the first browser command that starts.
pub fn open_url(url: &str) -> Notice {
    let browser = std::env::var("BROWSER").ok();
    for words in browser_commands(browser.as_deref(), url) {
        let Some((program, args)) = words.split_first() else {
            continue;
        };
        let started = Command::new(program)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        if let Ok(mut child) = started {
            // Reaped when it ends, so that it leaves no zombie; the reader
            // goes on at once.
            std::thread::spawn(move || child.wait());
            return Notice::BrowserStarted;
        }
    }
    Notice::BrowserFailed
}

/// Puts `text` on the terminal's clipboard with OSC 52, written to `out`.
pub fn copy(text: &str, out: &mut impl Write) -> Notice {
    let written = write_copy(text, out);
    if written.is_ok() {
        Notice::Copied
    } else {
        Notice::CopyFailed
    }
}

fn write_copy(text: &str, out: &mut impl Write) -> io::Result<()> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    write!(out, "\u{1b}]52;c;{encoded}\u{7}")?;
    out.flush()
}

/// The words of a command: split at white space, with single or double
/// quotes keeping white space inside a word.
fn words(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote = None;
    for c in command.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_is_one_argument_added_or_put_in_place_of_percent_s() {
        let url = "https://example.org/a;touch x'\"\nb";
        assert_eq!(
            browser_commands(Some("firefox --new-tab"), url),
            [vec![
                "firefox".to_owned(),
                "--new-tab".to_owned(),
                url.to_owned()
            ]]
        );
        assert_eq!(
            browser_commands(Some("'my browser' --open=%s --rate 100%%"), url),
            [vec![
                "my browser".to_owned(),
                format!("--open={url}"),
                "--rate".to_owned(),
                "100%".to_owned()
            ]]
        );
    }

    #[test]
    fn several_browsers_are_tried_in_turn_and_the_opener_stands_in_for_none() {
        let commands = browser_commands(Some("nonexistent-browser:lynx %s"), "https://x.example");
        assert_eq!(commands.len(), 2);
        assert_eq!(commands[1], ["lynx", "https://x.example"]);
        let opener = if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        };
        for unset in [None, Some(""), Some("  ")] {
            assert_eq!(
                browser_commands(unset, "https://x.example"),
                [vec![opener.to_owned(), "https://x.example".to_owned()]]
            );
        }
    }

    #[test]
    fn copying_writes_one_osc_52_sequence_in_base64() {
        let mut out = Vec::new();
        assert_eq!(copy("https://example.org/é", &mut out), Notice::Copied);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\u{1b}]52;c;aHR0cHM6Ly9leGFtcGxlLm9yZy/DqQ==\u{7}"
        );
    }
}
