//! Setting an article's paragraphs: where each line breaks.
//!
//! First-fit wrapping ([`crate::wrap::wrap`]) puts on each line as many
//! words as fit. In a narrow pane that leaves a ragged right edge: a long
//! word that just misses a line leaves a wide gap behind it. Optimal fit
//! looks at the whole paragraph at once and picks the breaks that make the
//! sum of the squared gaps at the ends of its lines smallest, the way
//! typesetters fill a paragraph (Knuth and Plass's method, without
//! stretching spaces). The last line of a paragraph may stay short at no
//! cost, and every line costs [`LINE_COST`], so that a paragraph is not
//! made longer for a small gain. First-fit uses the fewest lines, so a
//! paragraph set this way is no more ragged ([`raggedness`]) than
//! first-fit sets it: a setting with more lines is chosen only when it
//! saves more than [`LINE_COST`] for each line it adds. (A property test
//! holds it to that.)
//!
//! A word too wide for a line (a long address, a run of Japanese without
//! spaces) is cut where it fills a line and starts a line of its own, as
//! first-fit has it. The line before it is then set as a paragraph's last
//! line is: nothing can fill it, and charging for its gap would only
//! shorten the lines above it to match.
//!
//! The breaks are found by dynamic programming over the paragraph's
//! [`Fragment`]s: from each fragment that can start a line, every line that
//! starts there and fits is tried. A fragment takes a cell or more, so a
//! line holds at most as many as it has cells, and the work grows with the
//! number of fragments times the width: in a release build about 0.15 µs a
//! fragment at 80 columns, and up to 0.5 µs at 250 columns for one-letter
//! words (the most to a line), where first-fit takes 0.01 to 0.04 µs. A
//! paragraph of more than [`MAX_FRAGMENTS`] fragments is set first-fit, so
//! that no paragraph takes much more than a millisecond; so is one the
//! method finds no setting for, or whose cost would overflow (neither can
//! happen with fragments that each fit on a line, but a failure falls back
//! rather than panics).
//!
//! Lines remember their byte ranges exactly as first-fit's do, and show
//! the same units: only where the breaks fall differs.

use std::ops::Range;

use super::fragments::{Fragment, fragments};
use crate::text::{shown, units_in};
use crate::wrap::{MIN_WIDTH, wrap};

/// The most fragments (words, and pieces of words too wide for a line) a
/// paragraph may have to be set by optimal fit; a longer one is set
/// first-fit.
///
/// At 2,000 the slowest paragraph measured (one-letter words at 250
/// columns) takes about 1 ms in a release build, and prose 0.3 ms at 80
/// columns and 0.45 ms at 250, against a frame budget of 2 ms; a news
/// paragraph has a few hundred words at most. `docs/performance.md` has
/// the figures (`cargo run --release --example paragraphs`).
pub const MAX_FRAGMENTS: usize = 2_000;

/// What each line costs, against the square of the gap at its end: a
/// paragraph takes a line more only to save more than this much.
pub const LINE_COST: u64 = 1_000;

/// Sets `text` at `width` cells (at least [`MIN_WIDTH`]): every line of
/// the text (a paragraph) by optimal fit, or first-fit where it has more
/// than [`MAX_FRAGMENTS`] fragments.
///
/// The ranges follow the rules of [`wrap`]: a blank line gives an empty
/// range, blank space at a break belongs to neither line, and a word wider
/// than the width is cut where it fills a line.
pub fn set(text: &str, width: usize) -> Vec<Range<usize>> {
    set_within(text, width, MAX_FRAGMENTS)
}

/// [`set`], with paragraphs of more than `max_fragments` fragments set
/// first-fit.
pub fn set_within(text: &str, width: usize, max_fragments: usize) -> Vec<Range<usize>> {
    let width = width.max(MIN_WIDTH);
    let mut lines = Vec::new();
    for paragraph in paragraphs(text) {
        let start = paragraph.start;
        let paragraph = &text[paragraph];
        let first_fit = wrap(paragraph, width);
        // A paragraph on one line has no breaks to choose.
        let set = if first_fit.len() > 1 {
            optimal_fit(paragraph, width, max_fragments).unwrap_or(first_fit)
        } else {
            first_fit
        };
        lines.extend(set.into_iter().map(|r| start + r.start..start + r.end));
    }
    lines
}

/// The lines of `paragraph` (text without line breaks) set by optimal fit
/// at `width` cells (at least [`MIN_WIDTH`]), or `None` if it has more than
/// `max_fragments` fragments, no words, or no setting within the width.
pub fn optimal_fit(
    paragraph: &str,
    width: usize,
    max_fragments: usize,
) -> Option<Vec<Range<usize>>> {
    let width = width.max(MIN_WIDTH);
    let fragments = fragments(paragraph, width, max_fragments)?;
    let breaks = breaks(paragraph, &fragments, width)?;
    let mut lines = Vec::with_capacity(breaks.len());
    let mut first = 0;
    for end in breaks {
        let (start, last) = (fragments.get(first)?, fragments.get(end - 1)?);
        lines.push(start.word.start..last.word.end);
        first = end;
    }
    Some(lines)
}

/// The fragment index each line of the best setting ends before, in order;
/// `None` when no setting fits or its cost overflows.
fn breaks(paragraph: &str, fragments: &[Fragment], width: usize) -> Option<Vec<usize>> {
    let count = fragments.len();
    if count == 0 {
        return None;
    }
    // best[i]: the least cost of setting the fragments before i, the line
    // that ends there starting at from[i].
    let mut best = vec![None::<u64>; count + 1];
    let mut from = vec![0; count + 1];
    best[0] = Some(0);
    for start in 0..count {
        let Some(before) = best[start] else {
            continue;
        };
        let mut column = 0;
        for (end, fragment) in fragments.iter().enumerate().skip(start) {
            if end > start && fragment.breaks_before {
                break;
            }
            if end > start {
                column += fragments[end - 1].blank_width(paragraph, column);
            }
            column += fragment.width;
            if column > width {
                break;
            }
            let cost = before
                .checked_add(LINE_COST)?
                .checked_add(line_cost(width - column, ends_a_block(fragments, end))?)?;
            if best[end + 1].is_none_or(|known| cost < known) {
                best[end + 1] = Some(cost);
                from[end + 1] = start;
            }
        }
    }
    best[count]?;
    let mut breaks = vec![count];
    let mut at = count;
    while at > 0 {
        at = from[at];
        breaks.push(at);
    }
    breaks.pop();
    breaks.reverse();
    Some(breaks)
}

/// Whether a line that ends with fragment `end` ends a block of text set
/// as a whole: the paragraph, or the text before a word too wide for a
/// line.
fn ends_a_block(fragments: &[Fragment], end: usize) -> bool {
    fragments.get(end + 1).is_none_or(|next| next.breaks_before)
}

/// What a line with `gap` empty cells at its end costs beside
/// [`LINE_COST`]: the square of the gap, except on the last line of a
/// block ([`ends_a_block`]).
fn line_cost(gap: usize, last: bool) -> Option<u64> {
    if last {
        return Some(0);
    }
    let gap = u64::try_from(gap).ok()?;
    gap.checked_mul(gap)
}

/// The byte ranges of the lines of `text`, without their line breaks
/// (`\n`, `\r\n` or a lone `\r`), as [`wrap`] reads them.
fn paragraphs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        let Some(offset) = memchr::memchr2(b'\n', b'\r', &bytes[from..]) else {
            start = None;
            return Some(from..text.len());
        };
        let end = from + offset;
        let crlf = bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n');
        start = Some(end + if crlf { 2 } else { 1 });
        Some(from..end)
    })
}

/// How ragged the right edge of `lines` of `text` set at `width` is: over
/// every line but the last of each paragraph, the sum of the squares of
/// the cells left empty at its end.
pub fn raggedness(text: &str, lines: &[Range<usize>], width: usize) -> u64 {
    let width = width.max(MIN_WIDTH);
    lines
        .windows(2)
        .filter(|pair| {
            // A line break between two lines ends a paragraph.
            let between = text.get(pair[0].end..pair[1].start).unwrap_or_default();
            !between.contains(['\n', '\r'])
        })
        .map(|pair| {
            let gap = width.saturating_sub(cells(text, pair[0].clone())) as u64;
            gap * gap
        })
        .sum()
}

/// Cells line `range` of `text` takes, as the body pane draws it.
fn cells(text: &str, range: Range<usize>) -> usize {
    units_in(text, range).fold(0, |column, (_, unit)| column + shown(unit, column).width())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::fragments::is_blank;
    use crate::text::units;
    use proptest::prelude::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        set(text, width).into_iter().map(|r| &text[r]).collect()
    }

    /// A paragraph of long words, which leave wide gaps where first-fit
    /// pushes one to the next line.
    const PARAGRAPH: &str = "Investigators from the telecommunications regulator questioned \
        representatives of three broadcasting companies about unauthorised transmissions \
        on Thursday.";

    #[test]
    fn optimal_fit_is_less_ragged_than_first_fit() {
        for width in [20, 30] {
            let first = wrap(PARAGRAPH, width);
            let optimal = set(PARAGRAPH, width);
            let (ragged_first, ragged_optimal) = (
                raggedness(PARAGRAPH, &first, width),
                raggedness(PARAGRAPH, &optimal, width),
            );
            assert!(
                ragged_optimal < ragged_first,
                "at {width}: {ragged_optimal} against {ragged_first}\n{:?}",
                lines(PARAGRAPH, width)
            );
            assert_eq!(optimal.len(), first.len(), "at {width}");
        }
        assert_eq!(raggedness(PARAGRAPH, &wrap(PARAGRAPH, 20), 20), 410);
        assert_eq!(raggedness(PARAGRAPH, &set(PARAGRAPH, 20), 20), 310);
    }

    #[test]
    fn breaks_fall_where_the_gaps_are_even() {
        // First-fit fills the first line and leaves eight cells empty on
        // the second (squared, 64); moving "bb" down leaves 3 and 5 (34).
        let text = "aaaaaaa bb cc ddddddddd";
        let first: Vec<&str> = wrap(text, 10).into_iter().map(|r| &text[r]).collect();
        assert_eq!(first, ["aaaaaaa bb", "cc", "ddddddddd"]);
        assert_eq!(lines(text, 10), ["aaaaaaa", "bb cc", "ddddddddd"]);
    }

    #[test]
    fn paragraphs_blank_lines_and_line_breaks_are_kept() {
        let text = "one two three four\r\n\r\nfive six\rseven";
        assert_eq!(
            lines(text, 10),
            ["one two", "three four", "", "five six", "seven"]
        );
        assert_eq!(set("", 10), vec![0..0]);
        assert_eq!(set("   ", 10), vec![0..0]);
    }

    #[test]
    fn long_words_are_cut_as_first_fit_cuts_them() {
        let text = format!("see {} and more", "x".repeat(25));
        assert_eq!(
            lines(&text, 10),
            ["see", "xxxxxxxxxx", "xxxxxxxxxx", "xxxxx and", "more"]
        );
    }

    #[test]
    fn indentation_is_kept_where_it_fits() {
        assert_eq!(lines("  ab cd efgh ij", 10), ["  ab cd", "efgh ij"]);
        assert_eq!(lines("\t\tab cd", 10), ["ab cd"]);
    }

    #[test]
    fn tabs_are_measured_where_they_fall() {
        // "ab\tcd" takes 10 cells: the tab reaches column 8.
        assert_eq!(lines("x ab\tcd ef gh", 12), ["x ab\tcd", "ef gh"]);
    }

    #[test]
    fn above_the_limit_a_paragraph_is_set_first_fit() {
        let text = PARAGRAPH;
        let count = fragments(text, 20, usize::MAX).unwrap().len();
        assert_eq!(count, 16);
        assert_eq!(set_within(text, 20, count - 1), wrap(text, 20));
        assert_ne!(set_within(text, 20, count), wrap(text, 20));
        assert!(optimal_fit(text, 20, count - 1).is_none());
        assert!(optimal_fit(text, 20, count).is_some());
    }

    #[test]
    fn raggedness_leaves_out_each_paragraphs_last_line() {
        let text = "aaa bb\ncc\n\ndd ee";
        let lines = [0..3, 4..6, 7..9, 10..10, 11..16];
        // Only "aaa" is followed by a line of its own paragraph.
        assert_eq!(raggedness(text, &lines, 12), 9 * 9);
    }

    /// Whether `text` holds nothing but blank space.
    fn all_blank(text: &str) -> bool {
        units(text).all(|(_, unit)| is_blank(unit))
    }

    /// What setting `paragraph`, cut into `fragments`, with lines ending
    /// before the fragments `breaks` costs, measured from the lines as they
    /// are drawn; `None` if a line is too wide or holds a cut word's first
    /// piece after other words.
    fn cost_of(
        paragraph: &str,
        fragments: &[Fragment],
        breaks: &[usize],
        width: usize,
    ) -> Option<u64> {
        let mut cost = 0;
        let mut first = 0;
        for &end in breaks {
            if fragments[first + 1..end].iter().any(|f| f.breaks_before) {
                return None;
            }
            let line = fragments[first].word.start..fragments[end - 1].word.end;
            let gap = width.checked_sub(cells(paragraph, line))?;
            let last = fragments.get(end).is_none_or(|f| f.breaks_before);
            cost += LINE_COST + line_cost(gap, last)?;
            first = end;
        }
        Some(cost)
    }

    /// The oracle: the least cost over every way of breaking the
    /// paragraph's fragments into lines, tried one by one.
    fn least_cost(paragraph: &str, fragments: &[Fragment], width: usize) -> Option<u64> {
        let count = fragments.len();
        (0..1u32 << (count - 1))
            .filter_map(|chosen| {
                let breaks: Vec<usize> = (1..=count)
                    .filter(|&end| end == count || chosen & (1 << (end - 1)) != 0)
                    .collect();
                cost_of(paragraph, fragments, &breaks, width)
            })
            .min()
    }

    proptest! {
        #[test]
        fn optimal_fit_finds_the_least_cost_of_all_settings(
            paragraph in "(([a-z]{1,9}|日本|\u{202e}{1,6}|e\u{301}|x{12,22})( {1,2}|\t|\u{3000})){1,7}\
                [a-z]{1,6}",
            width in 12usize..24,
        ) {
            let fragments = fragments(&paragraph, width, 16).unwrap();
            let breaks = breaks(&paragraph, &fragments, width).unwrap();
            prop_assert_eq!(
                cost_of(&paragraph, &fragments, &breaks, width),
                least_cost(&paragraph, &fragments, width)
            );
        }

        #[test]
        fn optimal_fit_is_never_more_ragged_than_first_fit(
            text in "([a-z]{1,15}|[ \t]|日本|\u{202e}|[\n]){0,120}",
            width in 10usize..40,
        ) {
            prop_assert!(
                raggedness(&text, &set(&text, width), width)
                    <= raggedness(&text, &wrap(&text, width), width)
            );
        }

        #[test]
        fn lines_fit_map_back_and_show_what_first_fit_shows(
            text in "([a-z]{1,12}|[ \t]|\u{3000}|日本|\\p{Cc}|\u{202e}|e\u{301}|👩\u{200d}💻|[\n\r]|\\PC){0,80}",
            width in 0usize..40,
            limit in prop_oneof![Just(0usize), Just(3), Just(MAX_FRAGMENTS)],
        ) {
            let set = set_within(&text, width, limit);
            let first = wrap(&text, width);
            let mut previous_end = 0;
            for (index, range) in set.iter().enumerate() {
                prop_assert!(range.start >= previous_end, "lines go forward");
                prop_assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
                prop_assert!(
                    cells(&text, range.clone()) <= width.max(MIN_WIDTH),
                    "{:?}", &text[range.clone()]
                );
                // Between two lines of a paragraph lies only blank space.
                if let Some(next) = set.get(index + 1) {
                    let between = &text[range.end..next.start];
                    if !between.contains(['\n', '\r']) {
                        prop_assert!(all_blank(between), "{between:?}");
                    }
                }
                previous_end = range.end;
            }
            // The same units, at the same offsets, as first-fit shows.
            let shown_by = |lines: &[Range<usize>]| -> Vec<(usize, String)> {
                lines
                    .iter()
                    .flat_map(|r| units_in(&text, r.clone()))
                    .filter(|(_, unit)| !is_blank(unit))
                    .map(|(at, unit)| (at, unit.to_owned()))
                    .collect()
            };
            prop_assert_eq!(shown_by(&set), shown_by(&first));
            // And every unit that is not blank space or a line break.
            let all: Vec<(usize, String)> = units(&text)
                .filter(|(_, u)| !is_blank(u) && !u.starts_with(['\n', '\r']))
                .map(|(at, unit)| (at, unit.to_owned()))
                .collect();
            prop_assert_eq!(shown_by(&set), all);
            if limit == 0 {
                prop_assert_eq!(set, first, "below the limit, first-fit");
            }
        }
    }
}
