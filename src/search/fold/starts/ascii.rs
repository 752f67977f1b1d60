//! The ASCII finder's reading of a text ([`super::Starts::Ascii`]): the
//! places where the text holds an ASCII word in some case, and the
//! characters outside ASCII that fold into ASCII.
//!
//! The places come first from the word's rarest letter, in either case,
//! with `memchr2`: few places to check for a word like "quagmire". When
//! that letter proves common in the text (past a few misses per kilobyte),
//! the rest of the text is lowered a chunk at a time and `memmem` finds
//! the lowercase word in it, at the speed of a copy. Both give exactly the
//! same places.

use memchr::memmem;

use super::Leads;
use crate::search::fold::{folds_into_ascii, table};

/// How much text the ASCII finder lowers at a time.
const CHUNK: usize = if cfg!(test) { 61 } else { 8 * 1024 };

/// How many places the rarest letter of an ASCII word may give that are
/// not the word, beyond one per 256 bytes of text, before the ASCII finder
/// lowers the text instead.
const MISSES: usize = if cfg!(test) { 2 } else { 8 };

/// How common a byte is in English text, higher for more common: letters
/// by their frequency, then digits and the rest.
fn commonness(byte: u8) -> usize {
    const LETTERS: &[u8] = b"zqjxkvbpygfwmucldrhsnioate";
    match LETTERS.iter().position(|&b| b == byte.to_ascii_lowercase()) {
        Some(rank) => 10 + rank,
        None if byte.is_ascii_digit() => 5,
        None => 0,
    }
}

/// Where in `word` its rarest byte is, by English letter frequencies.
pub fn rarest(word: &[u8]) -> usize {
    (0..word.len())
        .min_by_key(|&at| commonness(word[at]))
        .unwrap_or(0)
}

/// The ASCII finder's reading of one text.
#[derive(Debug, Default)]
pub struct AsciiScan {
    /// Places the rarest byte gave that were not the word.
    misses: usize,
    /// Whether the rarest byte proved common, so that the text is lowered.
    lowering: bool,
    /// The text from `window` on, ASCII letters lowered.
    lowered: Vec<u8>,
    window: usize,
}

impl AsciiScan {
    /// The first place at or after `from` where `text` holds `lower`'s
    /// word in some case; `rare` is where the word's rarest byte is.
    pub fn find(
        &mut self,
        text: &[u8],
        lower: &memmem::Finder<'_>,
        rare: usize,
        from: usize,
    ) -> Option<usize> {
        let from = if self.lowering {
            from
        } else {
            match self.find_rare(text, lower.needle(), rare, from) {
                Ok(found) => return found,
                Err(stopped) => stopped,
            }
        };
        self.lowering = true;
        self.find_lowered(text, lower, from)
    }

    /// Like [`Self::find`], by the word's rarest byte; `Err` with where it
    /// stopped if that byte turns out common.
    fn find_rare(
        &mut self,
        text: &[u8],
        word: &[u8],
        rare: usize,
        from: usize,
    ) -> Result<Option<usize>, usize> {
        let Some(&byte) = word.get(rare) else {
            return Ok(None);
        };
        let mut at = from;
        loop {
            if text.len().saturating_sub(at) < word.len() {
                return Ok(None);
            }
            let Some(hit) = memchr::memchr2(byte, byte.to_ascii_uppercase(), &text[at + rare..])
            else {
                return Ok(None);
            };
            let start = at + hit;
            if text[start..]
                .get(..word.len())
                .is_some_and(|found| found.eq_ignore_ascii_case(word))
            {
                return Ok(Some(start));
            }
            at = start + 1;
            self.misses += 1;
            if self.misses > MISSES + at / 256 {
                return Err(at);
            }
        }
    }

    /// Like [`Self::find`], by lowering the text a chunk at a time.
    fn find_lowered(
        &mut self,
        text: &[u8],
        lower: &memmem::Finder<'_>,
        from: usize,
    ) -> Option<usize> {
        let word = lower.needle();
        let mut at = from;
        loop {
            if text.len().saturating_sub(at) < word.len() {
                return None;
            }
            let end = self.window + self.lowered.len();
            if at < self.window || at + word.len() > end {
                let stop = text.len().min(at + CHUNK.max(2 * word.len()));
                self.window = at;
                self.lowered.clear();
                self.lowered
                    .extend(text[at..stop].iter().map(u8::to_ascii_lowercase));
                continue;
            }
            if let Some(i) = lower.find(&self.lowered[at - self.window..]) {
                return Some(at + i);
            }
            if end == text.len() {
                return None;
            }
            // Places from here on run past the lowered text.
            at = end + 1 - word.len();
        }
    }
}

/// Where the first character at or after `from` that folds into ASCII
/// and begins with one of `leads` begins.
pub fn next_folding_into_ascii(text: &str, leads: &Leads, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    loop {
        let lead = leads.find(bytes, at)?;
        let special = bytes
            .get(lead + 1)
            .is_some_and(|&second| ASCII_FOLD_SECONDS[usize::from(second)])
            && text
                .get(lead..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(folds_into_ascii);
        if special {
            return Some(lead);
        }
        at = lead + 1;
    }
}

/// The second bytes of the UTF-8 of every character that folds into ASCII
/// ([`folds_into_ascii`]), marked, to pass over most characters
/// that share a first byte with one ("é" with "ß") without decoding them.
const ASCII_FOLD_SECONDS: [bool; 256] = {
    let mut marked = [false; 256];
    let mut at = 0;
    while at < table::FOLDS.len() {
        let (c, folded) = table::FOLDS[at];
        if !c.is_ascii() && folded.is_ascii() {
            let mut utf8 = [0; 4];
            marked[c.encode_utf8(&mut utf8).as_bytes()[1] as usize] = true;
        }
        at += 1;
    }
    marked
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Every place where `text` holds `word` in some case, the slow way.
    fn in_any_case(text: &str, word: &str) -> Vec<usize> {
        (0..text.len())
            .filter(|&at| {
                text.as_bytes()[at..]
                    .get(..word.len())
                    .is_some_and(|found| found.eq_ignore_ascii_case(word.as_bytes()))
            })
            .collect()
    }

    /// Every place the scan finds for `word`, and whether it lowered.
    fn scanned(text: &str, word: &str) -> (Vec<usize>, bool) {
        let lower = memmem::Finder::new(word);
        let mut scan = AsciiScan::default();
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(at) = scan.find(text.as_bytes(), &lower, rarest(word.as_bytes()), from) {
            found.push(at);
            from = at + 1;
        }
        (found, scan.lowering)
    }

    #[test]
    fn words_are_found_in_any_case_across_chunks() {
        let text = format!(
            "{}Police{}POLICE{}police{}",
            "x".repeat(58),
            "é".repeat(40),
            "y".repeat(70),
            " pop".repeat(40),
        );
        let (found, lowered) = scanned(&text, "police");
        assert!(lowered, "p is everywhere");
        assert_eq!(found.len(), 3);
        assert_eq!(found, in_any_case(&text, "police"));
    }

    #[test]
    fn a_rare_letter_that_proves_common_gives_way_to_lowering() {
        let text = format!("{}POLICE{}police pol", "pop ".repeat(40), " pop".repeat(30));
        assert_eq!(
            scanned(&text, "police"),
            (in_any_case(&text, "police"), true)
        );
        let text = format!("{}Quagmire, quagmire", "pop ".repeat(40));
        assert_eq!(
            scanned(&text, "quagmire"),
            (vec![160, 170], false),
            "q is rare"
        );
    }

    #[test]
    fn the_rarest_letter_is_looked_for() {
        assert_eq!(rarest(b"quagmire"), 0);
        assert_eq!(rarest(b"police"), 0);
        assert_eq!(rarest(b"europol"), 4);
    }

    #[test]
    fn ligatures_sharp_s_long_s_and_kelvin_are_what_folds_into_ascii() {
        let text = "aﬁ é Ł ß ſ ẞ \u{212A} ź 東京 ﬆ";
        let every_lead = Leads::of("ßſẞ\u{212A}ﬀﬁﬂﬃﬄﬅﬆéŁź東".chars());
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(at) = next_folding_into_ascii(text, &every_lead, from) {
            found.push(text[at..].chars().next().unwrap());
            from = at + 1;
        }
        assert_eq!(found, ['ﬁ', 'ß', 'ſ', 'ẞ', '\u{212A}', 'ﬆ']);
    }
}
