//! Unicode case folding of single characters, for case-insensitive search.
//!
//! Full case folding maps a character to the string that stands for it in
//! every case: mostly its lower case, but "ß" folds to "ss", the ligature
//! "ﬁ" to "fi" and final "ς" to "σ", so that "STRASSE" finds "Straße".
//! Characters whose full folding differs from their lower case are listed
//! here (from Unicode's CaseFolding.txt, statuses F and the Greek sigma);
//! everything else folds to its lower case.

/// The characters `c` folds to, appended to `out`.
pub fn fold_into(c: char, out: &mut Vec<char>) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let special: Option<&str> = match c {
        'ß' | 'ẞ' => Some("ss"),
        'ſ' => Some("s"),
        'ς' => Some("σ"),
        'ŉ' => Some("ʼn"),
        'ǰ' => Some("ǰ"),
        'ΐ' => Some("ΐ"),
        'ΰ' => Some("ΰ"),
        'և' => Some("եւ"),
        'ẖ' => Some("ẖ"),
        'ẗ' => Some("ẗ"),
        'ẘ' => Some("ẘ"),
        'ẙ' => Some("ẙ"),
        'ẚ' => Some("aʾ"),
        'ﬀ' => Some("ff"),
        'ﬁ' => Some("fi"),
        'ﬂ' => Some("fl"),
        'ﬃ' => Some("ffi"),
        'ﬄ' => Some("ffl"),
        'ﬅ' | 'ﬆ' => Some("st"),
        'ﬓ' => Some("մն"),
        'ﬔ' => Some("մե"),
        'ﬕ' => Some("մի"),
        'ﬖ' => Some("վն"),
        'ﬗ' => Some("մխ"),
        _ => None,
    };
    match special {
        Some(folded) => out.extend(folded.chars()),
        None => out.extend(c.to_lowercase()),
    }
}

/// `text` folded, as characters.
pub fn fold(text: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        fold_into(c, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> String {
        fold(text).into_iter().collect()
    }

    #[test]
    fn folds_to_lower_case_and_expands_where_unicode_says() {
        assert_eq!(folded("ÉTAT"), "état");
        assert_eq!(folded("Straße"), "strasse");
        assert_eq!(folded("ﬁnance"), "finance");
        assert_eq!(folded("ΟΔΟΣ"), folded("οδος"));
        assert_eq!(folded("οδος"), "οδοσ");
    }
}
