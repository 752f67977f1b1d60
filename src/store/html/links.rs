//! Links numbered in the text and listed at the end.
//!
//! A terminal cannot follow a link, so the link text stays in the sentence
//! followed by `[n]`, and the distinct targets are listed after the text in
//! order of first appearance, for the reader to open or copy. Only http,
//! https and mailto targets get a number: anchors, relative paths and
//! scripts lead nowhere from here. None does either when its text already
//! shows the address.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::rc::Rc;

use super::breaks::is_break;
use super::page::{Page, is_invisible};

/// The schemes of the targets that get a number.
const SCHEMES: [&str; 3] = ["https://", "http://", "mailto:"];

/// A link whose text is being laid out.
pub(super) struct OpenLink {
    pub(super) target: Rc<str>,
    pub(super) text: String,
}

impl OpenLink {
    /// Ends the link: its number after its text, if it gets one.
    pub(super) fn close(self, page: &mut Page, links: &mut Links) {
        if needs_number(&self.target, &self.text) {
            page.mark(links.number(&self.target));
        }
    }
}

/// Whether a link to `target` with text `text` gets a number: it goes to an
/// http, https or mailto address that its text does not already show.
fn needs_number(target: &str, text: &str) -> bool {
    let target = target.trim();
    let text: String = text
        .chars()
        .filter(|c| !is_break(*c) && !is_invisible(*c))
        .collect();
    let text = text.trim();
    if text.is_empty() {
        return false;
    }
    let Some(address) = SCHEMES
        .iter()
        .find_map(|scheme| strip_prefix_ignore_case(target, scheme))
    else {
        return false;
    };
    let text = SCHEMES
        .iter()
        .find_map(|scheme| strip_prefix_ignore_case(text, scheme))
        .unwrap_or(text);
    let bare = |s: &str| {
        let s = strip_prefix_ignore_case(s, "www.").unwrap_or(s);
        s.trim_end_matches('/').to_lowercase()
    };
    bare(address) != bare(text)
}

/// `s` without `prefix`, compared without regard to ASCII case.
fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// The numbered link targets of a text, in order of first appearance.
#[derive(Default)]
pub(super) struct Links {
    targets: Vec<String>,
    numbers: HashMap<String, usize>,
}

impl Links {
    /// The number of `target`, given the next one if it is new.
    fn number(&mut self, target: &str) -> usize {
        // Browsers drop tabs and line breaks from addresses, and escape
        // what an address cannot hold (a space, `<`, `>`, a quote); so does
        // the list, so that an address never shows a tag or breaks a line.
        let mut address = String::with_capacity(target.len());
        for c in target.trim().chars() {
            match c {
                '\t' | '\n' | '\r' => {}
                ' ' | '"' | '<' | '>' | '`' | '{' | '}' | '|' | '\\' | '^' => {
                    let _ = write!(address, "%{:02X}", u32::from(c));
                }
                c if c.is_control() => {}
                c => address.push(c),
            }
        }
        let target = address;
        if let Some(&number) = self.numbers.get(&target) {
            return number;
        }
        self.targets.push(target.clone());
        let number = self.targets.len();
        self.numbers.insert(target, number);
        number
    }

    /// The list, one `[n] target` line each, as a block of its own.
    pub(super) fn append_to(self, page: &mut Page) {
        for (index, target) in self.targets.iter().enumerate() {
            if index == 0 {
                page.break_block();
            } else {
                page.break_line();
            }
            page.push(&format!("[{}] {target}", index + 1), true);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::store::html::to_text;

    #[test]
    fn links_are_marked_in_the_text_and_listed_at_the_end() {
        let html = "<p>The <a href=\"https://example.org/report\">report</a> and \
                    <a href=\"mailto:desk@example.org\">the desk</a>.</p>\
                    <p><a href=\"http://example.net/\">More</a>, and the \
                    <a href=\"https://example.org/report\">same report</a>.</p>";
        assert_eq!(
            to_text(html),
            "The report[1] and the desk[2].\n\nMore[3], and the same report[1].\n\n\
             [1] https://example.org/report\n[2] mailto:desk@example.org\n[3] http://example.net/"
        );
    }

    #[test]
    fn what_an_address_cannot_hold_is_escaped_in_the_list() {
        // Found by the html_body fuzz target: an address holding `<p>`.
        let html = "<p>One <a href=\"https://x.example/a<p>b c\">link</a></p>";
        assert_eq!(
            to_text(html),
            "One link[1]\n\n[1] https://x.example/a%3Cp%3Eb%20c"
        );
    }

    #[test]
    fn links_that_need_no_number_get_none() {
        let html = "<p><a href=\"https://example.org/a\">https://example.org/a</a> \
                    <a href=\"https://www.example.org/\">example.org</a> \
                    <a href=\"mailto:a@example.org\">a@example.org</a> \
                    <a href=\"#notes\">notes</a> <a href=\"javascript:void(0)\">menu</a> \
                    <a href=\"/local/page\">local</a> <a href=\"ftp://example.org\">ftp</a> \
                    <a href=\"https://example.org/b\"> &shy;</a> <a name=\"x\">anchor</a></p>";
        assert_eq!(
            to_text(html),
            "https://example.org/a example.org a@example.org notes menu local ftp anchor"
        );
    }

    #[test]
    fn the_number_follows_the_link_text_not_the_space_after_it() {
        let html = "<p>See <a href=\"https://example.org\">this </a>now, <a href=\
                    \"https://example.com\">that<br></a>then.</p>";
        assert_eq!(
            to_text(html),
            "See this[1] now, that[2]\nthen.\n\n[1] https://example.org\n[2] https://example.com"
        );
    }

    #[test]
    fn a_link_around_blocks_gets_its_number_at_its_end() {
        let html = "<a href=\"https://example.org/story\"><h2>Title</h2><p>Summary</p></a>";
        assert_eq!(
            to_text(html),
            "Title\n\nSummary[1]\n\n[1] https://example.org/story"
        );
    }
}
