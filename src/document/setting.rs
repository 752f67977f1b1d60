//! Setting an article's paragraphs: where each line breaks.
//!
//! First-fit wrapping ([`crate::wrap::wrap`]) puts on each line as many
//! words as fit. In a narrow pane that leaves a ragged right edge: a long
//! word that just misses a line leaves a wide gap behind it. Optimal fit
//! looks at the whole paragraph at once and picks the breaks that make the
//! sum of the squared gaps at the ends of its lines smallest, the way
//! typesetters fill a paragraph (Knuth and Plass's method, without
//! stretching spaces).
//!
//! The breaks are found by `textwrap`'s optimal fit
//! ([`textwrap::wrap_algorithms::wrap_optimal_fit`]) over the paragraph's
//! own [`Fragment`]s, which implement its fragment trait. A widely used,
//! maintained implementation is less to keep right than a hand-written
//! one, and its work (the SMAWK algorithm) grows with the number of
//! fragments alone, not with the width too: about 0.25 µs a fragment of
//! prose at any width in a release build, cutting into fragments included,
//! where first-fit takes 0.01 to 0.04 µs. newsdesk keeps what textwrap
//! does not know: its units, stand-ins and cell widths, the byte ranges of
//! the lines, and words too wide for a line.
//!
//! Its [`Penalties`] are set to newsdesk's cost model (`penalties`):
//! every line costs [`LINE_COST`], so that a paragraph is made longer only
//! to save more than that in squared gaps; a line's gap costs its square;
//! the last line of a paragraph may stay short at no cost (textwrap's
//! penalty for a short last line is off, and so is its hyphen penalty);
//! and a line wider than the pane costs more than any setting that fits,
//! so that none is chosen while one that fits exists. Under that model a
//! paragraph with no tab between words and no word too wide for a line is
//! never more ragged ([`raggedness`]) than first-fit sets it: first-fit
//! uses the fewest lines, and a line more is taken only when it saves more
//! than [`LINE_COST`]. (Property tests hold it to that, and the setting of
//! paragraphs of up to 16 fragments to the least cost of all their
//! settings, tried one by one.)
//!
//! A word too wide for a line (a long address, a run of Japanese without
//! spaces) is cut where it fills a line and starts a line of its own, as
//! first-fit has it: the fragments before it and from it are set apart,
//! so the line before it is set as a paragraph's last line is. Nothing
//! can fill it, and charging for its gap would only shorten the lines
//! above it to match.
//!
//! A tab's width depends on the column it falls at, and textwrap gives
//! each blank one width: a tab between words is measured where it falls
//! with the paragraph on one line, and the lines set are measured again as
//! they are drawn. A paragraph with a line too wide as drawn is set
//! first-fit, as is one of more than [`MAX_FRAGMENTS`] fragments (so that
//! no paragraph takes more than a fraction of a frame), one whose costs
//! textwrap reports overflowing, and one at a width so large that its
//! costs would not be exact in a float.
//!
//! Lines remember their byte ranges exactly as first-fit's do, and show
//! the same units: only where the breaks fall differs.

use std::ops::Range;

use textwrap::wrap_algorithms::{Penalties, wrap_optimal_fit};

use super::fragments::{Fragment, cells_f64, fragments};
use crate::text::{shown, units_in};
use crate::wrap::{MIN_WIDTH, wrap};

/// The most fragments (words, and pieces of words too wide for a line) a
/// paragraph may have to be set by optimal fit; a longer one is set
/// first-fit.
///
/// textwrap's optimal fit takes about 0.25 µs a fragment of prose in a
/// release build (cutting the paragraph into fragments included), whatever
/// the width, where first-fit takes 0.01 to 0.04 µs: at 1,000 fragments a
/// paragraph takes about 0.25 ms, an eighth of the frame budget of 2 ms. A
/// news paragraph has a few hundred words at most. `docs/performance.md`
/// has the figures (`cargo run --release --example paragraphs`).
pub const MAX_FRAGMENTS: usize = 1_000;

/// What each line costs, against the square of the gap at its end: a
/// paragraph takes a line more only to save more than this much.
pub const LINE_COST: usize = 1_000;

/// The largest cost a setting may reach: below it, sums of whole numbers
/// in an `f64` (as textwrap adds costs) are exact.
const EXACT_COST: usize = 1 << 52;

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
    for paragraph in crate::wrap::source_lines(text) {
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
/// `max_fragments` fragments, no words, no setting textwrap can cost, or a
/// line wider than `width` as drawn.
pub fn optimal_fit(
    paragraph: &str,
    width: usize,
    max_fragments: usize,
) -> Option<Vec<Range<usize>>> {
    let width = width.max(MIN_WIDTH);
    let fragments = fragments(paragraph, width, max_fragments)?;
    // Fragments are measured as they are drawn, except a tab between
    // words, which may fall at another column than it was measured at.
    let tabs = memchr::memchr(b'\t', paragraph.as_bytes()).is_some();
    let mut lines = Vec::new();
    for line in breaks(&fragments, width)? {
        let set = fragments.get(line.clone())?;
        let (first, last) = (set.first()?, set.last()?);
        let range = first.word.start..last.word.end;
        let blanks: usize = set[..set.len() - 1].iter().map(|f| f.blank).sum();
        let measured = set.iter().map(|f| f.width).sum::<usize>() + blanks;
        if measured > width || tabs && cells(paragraph, range.clone()) > width {
            return None;
        }
        lines.push(range);
    }
    Some(lines)
}

/// The fragments (by index) each line of the best setting of `fragments`
/// at `width` cells holds, in order; `None` when there are none, or
/// textwrap reports its costs overflowing.
fn breaks(fragments: &[Fragment], width: usize) -> Option<Vec<Range<usize>>> {
    if fragments.is_empty() {
        return None;
    }
    let penalties = penalties(width, fragments.len())?;
    let widths = [cells_f64(width)];
    let mut lines = Vec::new();
    let mut start = 0;
    // A word too wide for a line starts a block set apart from the text
    // before it.
    for block in fragments.chunk_by(|_, next| !next.breaks_before) {
        for line in wrap_optimal_fit(block, &widths, &penalties).ok()? {
            lines.push(start..start + line.len());
            start += line.len();
        }
    }
    Some(lines)
}

/// textwrap's penalties for newsdesk's cost model, for `count` fragments
/// at `width` cells; `None` where the costs would not be exact.
///
/// A setting that fits costs at most `LINE_COST + width²` a line, with at
/// most a line a fragment; a cell over the width costs more than that.
fn penalties(width: usize, count: usize) -> Option<Penalties> {
    let line = LINE_COST.checked_add(width.checked_mul(width)?)?;
    let overflow = line.checked_mul(count.checked_add(1)?)?;
    if overflow > EXACT_COST {
        return None;
    }
    Some(Penalties {
        nline_penalty: LINE_COST,
        overflow_penalty: overflow,
        // With no penalty, what counts as short does not matter.
        short_last_line_fraction: 1,
        short_last_line_penalty: 0,
        hyphen_penalty: 0,
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

    /// What setting `fragments` with lines ending before the fragments
    /// `breaks` costs under the model textwrap is given: fragments as
    /// measured, each line [`LINE_COST`] and its gap squared, the last
    /// line of a block free. `None` if a line is too wide or holds a cut
    /// word's first piece after other words.
    fn cost_of(fragments: &[Fragment], breaks: &[usize], width: usize) -> Option<usize> {
        let mut cost = 0;
        let mut first = 0;
        for &end in breaks {
            let line = &fragments[first..end];
            if line[1..].iter().any(|f| f.breaks_before) {
                return None;
            }
            let blanks: usize = line[..line.len() - 1].iter().map(|f| f.blank).sum();
            let used = line.iter().map(|f| f.width).sum::<usize>() + blanks;
            let gap = width.checked_sub(used)?;
            let last = fragments.get(end).is_none_or(|f| f.breaks_before);
            cost += LINE_COST + if last { 0 } else { gap * gap };
            first = end;
        }
        Some(cost)
    }

    /// The oracle: the least cost over every way of breaking `fragments`
    /// into lines, tried one by one.
    fn least_cost(fragments: &[Fragment], width: usize) -> Option<usize> {
        let count = fragments.len();
        (0..1u32 << (count - 1))
            .filter_map(|chosen| {
                let breaks: Vec<usize> = (1..=count)
                    .filter(|&end| end == count || chosen & (1 << (end - 1)) != 0)
                    .collect();
                cost_of(fragments, &breaks, width)
            })
            .min()
    }

    /// The fragment each line of `lines` ends before.
    fn ends(lines: &[Range<usize>]) -> Vec<usize> {
        lines.iter().map(|line| line.end).collect()
    }

    proptest! {
        #[test]
        fn optimal_fit_finds_the_least_cost_of_all_settings(
            paragraph in "(([a-z]{1,9}|日本|\u{202e}{1,6}|e\u{301}|x{12,22})( {1,2}|\t|\u{3000})){1,7}\
                [a-z]{1,6}",
            width in 12usize..24,
        ) {
            // Cut words give up to three pieces: the oracle tries at most
            // 2^15 settings.
            let fragments = fragments(&paragraph, width, 16);
            prop_assume!(fragments.is_some());
            let fragments = fragments.unwrap();
            let lines = breaks(&fragments, width).unwrap();
            prop_assert_eq!(
                cost_of(&fragments, &ends(&lines), width),
                least_cost(&fragments, width)
            );
        }

        #[test]
        fn without_tabs_or_words_too_wide_optimal_fit_is_never_more_ragged_than_first_fit(
            text in "(([a-z]{1,9}|日本|\u{202e}|e\u{301}) {1,2}|\n){0,120}",
            width in 10usize..40,
        ) {
            prop_assert!(
                raggedness(&text, &set(&text, width), width)
                    <= raggedness(&text, &wrap(&text, width), width)
            );
        }

        #[test]
        fn optimal_fit_never_costs_more_than_first_fit(
            text in "([a-z]{1,15}|[ \t]|日本|\u{202e}|[\n]){0,120}",
            width in 10usize..40,
        ) {
            for paragraph in crate::wrap::source_lines(&text) {
                let paragraph = &text[paragraph];
                let fragments = fragments(paragraph, width, usize::MAX).unwrap();
                let Some(lines) = breaks(&fragments, width) else {
                    prop_assert!(fragments.is_empty());
                    continue;
                };
                // First-fit cuts words too wide for a line as fragments
                // are cut, so its lines end where fragments end.
                let first_fit: Vec<usize> = wrap(paragraph, width)
                    .iter()
                    .map(|line| fragments.iter().position(|f| f.word.end == line.end).map(|at| at + 1))
                    .collect::<Option<_>>()
                    .unwrap();
                // A tab is measured where it falls on one line: first-fit,
                // which measures it where it is drawn, may not fit.
                if let Some(first_fit) = cost_of(&fragments, &first_fit, width) {
                    let optimal = cost_of(&fragments, &ends(&lines), width).unwrap();
                    prop_assert!(optimal <= first_fit, "{optimal} > {first_fit}");
                }
            }
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
