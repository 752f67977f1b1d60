//! Laying highlighted byte ranges over a line of text.
//!
//! The body view has several layers of ranges (entity mentions, find
//! matches, the current match) and shows wrapped lines. [`overlay`] cuts one
//! line into segments, each with the style that every covering layer adds,
//! so a name split across two wrapped lines is highlighted on both.

use std::ops::Range;

/// Ranges that share a style. `ranges` must be sorted and must not overlap.
#[derive(Debug, Clone, Copy)]
pub struct Layer<'a, S> {
    /// Sorted, non-overlapping byte ranges.
    pub ranges: &'a [Range<usize>],
    /// What the layer adds to the text it covers.
    pub style: S,
}

/// Cuts `line` into consecutive segments. Each segment's style is `base`
/// combined, in layer order, with the style of every layer covering it.
pub fn overlay<S: Copy>(
    line: Range<usize>,
    base: S,
    layers: &[Layer<'_, S>],
    combine: impl Fn(S, S) -> S,
) -> Vec<(Range<usize>, S)> {
    let mut cuts = vec![line.start, line.end];
    for layer in layers {
        for range in covering(layer.ranges, &line) {
            cuts.push(range.start.max(line.start));
            cuts.push(range.end.min(line.end));
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|pair| {
            let segment = pair[0]..pair[1];
            let style = layers.iter().fold(base, |style, layer| {
                if covering(layer.ranges, &segment).next().is_some() {
                    combine(style, layer.style)
                } else {
                    style
                }
            });
            (segment, style)
        })
        .collect()
}

/// The ranges of a sorted, non-overlapping list that share bytes with `span`.
fn covering<'a>(
    ranges: &'a [Range<usize>],
    span: &Range<usize>,
) -> impl Iterator<Item = &'a Range<usize>> {
    let first = ranges.partition_point(|r| r.end <= span.start);
    let span = span.clone();
    ranges[first..]
        .iter()
        .take_while(move |r| r.start < span.end)
        .filter(|r| r.start < r.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn styles(line: Range<usize>, layers: &[Layer<'_, u8>]) -> Vec<(Range<usize>, u8)> {
        overlay(line, 0, layers, |a, b| a | b)
    }

    #[test]
    fn uncovered_line_is_one_plain_segment() {
        assert_eq!(styles(5..10, &[]), [(5..10, 0)]);
    }

    #[test]
    fn range_across_a_line_break_is_cut_on_both_lines() {
        let mention = [Range { start: 8, end: 16 }];
        let layers = [Layer {
            ranges: &mention,
            style: 1,
        }];
        assert_eq!(styles(0..10, &layers), [(0..8, 0), (8..10, 1)]);
        assert_eq!(styles(11..20, &layers), [(11..16, 1), (16..20, 0)]);
    }

    #[test]
    fn layers_combine_where_they_overlap() {
        let mentions = [Range { start: 2, end: 8 }];
        let matches = [Range { start: 5, end: 10 }];
        let layers = [
            Layer {
                ranges: &mentions,
                style: 1,
            },
            Layer {
                ranges: &matches,
                style: 2,
            },
        ];
        assert_eq!(
            styles(0..12, &layers),
            [(0..2, 0), (2..5, 1), (5..8, 3), (8..10, 2), (10..12, 0)]
        );
    }

    #[test]
    fn empty_line_gives_no_segment() {
        assert!(styles(4..4, &[]).is_empty());
    }

    proptest! {
        #[test]
        fn segments_tile_the_line_and_style_exactly_the_covered_bytes(
            starts in proptest::collection::btree_set(0usize..100, 0..10),
            line_start in 0usize..60,
            line_len in 0usize..60,
        ) {
            let starts: Vec<_> = starts.into_iter().collect();
            let ranges: Vec<_> = starts.windows(2).step_by(2).map(|w| w[0]..w[1]).collect();
            let line = line_start..line_start + line_len;
            let segments = styles(line.clone(), &[Layer { ranges: &ranges, style: 1 }]);
            let mut at = line.start;
            for (segment, style) in &segments {
                prop_assert_eq!(segment.start, at);
                at = segment.end;
                for byte in segment.clone() {
                    let covered = ranges.iter().any(|r| r.contains(&byte));
                    prop_assert_eq!(covered, *style == 1);
                }
            }
            prop_assert_eq!(at, line.end);
        }
    }
}
