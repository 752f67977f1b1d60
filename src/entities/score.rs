//! Measuring the recogniser against hand-labelled text.
//!
//! Labelled text marks each mention inline: `[[Europol|agency]]`, or with
//! a canonical name, `[[Amaq|outlet|Amaq News Agency]]`. [`Labelled::parse`]
//! strips the marks and keeps the spans; [`Scores`] counts agreement two
//! ways: *overlap* (a prediction of the right kind that shares a byte with a
//! labelled mention) and *exact* (same span, same kind).

use std::fmt;
use std::ops::Range;

use super::{Kind, Mention};

/// A text with its hand-labelled mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labelled {
    /// The text without marks.
    pub text: String,
    /// The labelled mentions, in order.
    pub mentions: Vec<LabelledMention>,
}

/// One labelled mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelledMention {
    /// Byte range in the text without marks.
    pub range: Range<usize>,
    /// Agency or outlet.
    pub kind: Kind,
    /// The canonical name, when the label gives one.
    pub name: Option<String>,
}

/// A mark that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("byte {offset}: {message}")]
pub struct LabelError {
    /// Where in the marked text.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

impl Labelled {
    /// Reads marked text.
    pub fn parse(marked: &str) -> Result<Self, LabelError> {
        let mut text = String::with_capacity(marked.len());
        let mut mentions = Vec::new();
        let mut rest = marked;
        while let Some(open) = rest.find("[[") {
            text.push_str(&rest[..open]);
            let offset = marked.len() - rest.len() + open;
            let error = |message: &str| LabelError {
                offset,
                message: message.to_owned(),
            };
            let inner_start = &rest[open + 2..];
            let close = inner_start
                .find("]]")
                .ok_or_else(|| error("no closing ]]"))?;
            let inner = &inner_start[..close];
            let mut parts = inner.split('|');
            let surface = parts.next().unwrap_or_default();
            let kind = match parts.next() {
                Some("agency") => Kind::Agency,
                Some("outlet") => Kind::Outlet,
                _ => return Err(error("expected |agency or |outlet")),
            };
            let name = parts.next().map(str::to_owned);
            if parts.next().is_some() || surface.is_empty() || surface.contains("[[") {
                return Err(error("a mark is [[text|kind]] or [[text|kind|name]]"));
            }
            let start = text.len();
            text.push_str(surface);
            mentions.push(LabelledMention {
                range: start..text.len(),
                kind,
                name,
            });
            rest = &inner_start[close + 2..];
        }
        text.push_str(rest);
        Ok(Self { text, mentions })
    }
}

/// Agreement counts for one kind, both ways of matching.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Labelled mentions.
    pub labelled: usize,
    /// Predicted mentions.
    pub predicted: usize,
    /// Predictions that overlap a labelled mention of the same kind.
    pub overlap_correct: usize,
    /// Labelled mentions overlapped by a prediction of the same kind.
    pub overlap_found: usize,
    /// Predictions with exactly a labelled span and kind.
    pub exact: usize,
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    /// Share of predictions that are right.
    pub precision: f64,
    /// Share of labelled mentions found.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

impl Prf {
    fn new(right: usize, predicted: usize, found: usize, labelled: usize) -> Self {
        let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { count(a) / count(b) };
        let precision = ratio(right, predicted);
        let recall = ratio(found, labelled);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Self {
            precision,
            recall,
            f1,
        }
    }
}

#[expect(clippy::cast_precision_loss, reason = "counts stay far below 2^52")]
fn count(n: usize) -> f64 {
    n as f64
}

impl Counts {
    /// Scores with overlap matching.
    pub fn overlap(&self) -> Prf {
        Prf::new(
            self.overlap_correct,
            self.predicted,
            self.overlap_found,
            self.labelled,
        )
    }

    /// Scores with exact matching.
    pub fn exact(&self) -> Prf {
        Prf::new(self.exact, self.predicted, self.exact, self.labelled)
    }

    fn add(&mut self, other: Self) {
        self.labelled += other.labelled;
        self.predicted += other.predicted;
        self.overlap_correct += other.overlap_correct;
        self.overlap_found += other.overlap_found;
        self.exact += other.exact;
    }
}

/// Counts per kind, summed over texts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    /// Agencies.
    pub agency: Counts,
    /// Outlets.
    pub outlet: Counts,
}

impl Scores {
    /// Compares `predicted` with the labels of one text and adds the counts.
    pub fn add(&mut self, labelled: &[LabelledMention], predicted: &[Mention]) {
        for kind in [Kind::Agency, Kind::Outlet] {
            let gold: Vec<&Range<usize>> = labelled
                .iter()
                .filter(|m| m.kind == kind)
                .map(|m| &m.range)
                .collect();
            let guess: Vec<&Range<usize>> = predicted
                .iter()
                .filter(|m| m.kind == kind)
                .map(|m| &m.range)
                .collect();
            let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
            let counts = Counts {
                labelled: gold.len(),
                predicted: guess.len(),
                overlap_correct: guess
                    .iter()
                    .filter(|g| gold.iter().any(|l| overlaps(g, l)))
                    .count(),
                overlap_found: gold
                    .iter()
                    .filter(|l| guess.iter().any(|g| overlaps(g, l)))
                    .count(),
                exact: guess.iter().filter(|g| gold.contains(g)).count(),
            };
            match kind {
                Kind::Agency => self.agency.add(counts),
                Kind::Outlet => self.outlet.add(counts),
            }
        }
    }

    /// Both kinds together.
    pub fn all(&self) -> Counts {
        let mut all = self.agency;
        all.add(self.outlet);
        all
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "| kind | labelled | predicted | P (overlap) | R (overlap) | F1 (overlap) | P (exact) | R (exact) | F1 (exact) |"
        )?;
        writeln!(f, "|---|---:|---:|---:|---:|---:|---:|---:|---:|")?;
        for (label, counts) in [
            ("agency", self.agency),
            ("outlet", self.outlet),
            ("both", self.all()),
        ] {
            let (o, e) = (counts.overlap(), counts.exact());
            writeln!(
                f,
                "| {label} | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} |",
                counts.labelled,
                counts.predicted,
                o.precision,
                o.recall,
                o.f1,
                e.precision,
                e.recall,
                e.f1
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_stripped_and_spans_kept() {
        let labelled =
            Labelled::parse("The [[Met|agency|Metropolitan Police]] and [[AP|outlet]] said.")
                .unwrap();
        assert_eq!(labelled.text, "The Met and AP said.");
        assert_eq!(labelled.mentions[0].range, 4..7);
        assert_eq!(
            labelled.mentions[0].name.as_deref(),
            Some("Metropolitan Police")
        );
        assert_eq!(labelled.mentions[1].range, 12..14);
        assert_eq!(labelled.mentions[1].kind, Kind::Outlet);
    }

    #[test]
    fn broken_marks_are_errors_with_offsets() {
        assert_eq!(Labelled::parse("a [[b|agency").unwrap_err().offset, 2);
        assert!(Labelled::parse("[[b|person]]").is_err());
        assert!(Labelled::parse("[[b|agency|c|d]]").is_err());
    }

    fn mention(range: Range<usize>, kind: Kind) -> Mention {
        Mention {
            range,
            kind,
            name: String::new(),
        }
    }

    #[test]
    fn overlap_and_exact_matching_differ() {
        let gold =
            Labelled::parse("the [[Belgian federal prosecutor|agency]] and [[AP|outlet]]").unwrap();
        let predicted = [
            mention(12..30, Kind::Agency), // "federal prosecutor": overlaps, not exact
            mention(35..37, Kind::Outlet), // "AP": exact
            mention(0..3, Kind::Outlet),   // "the": wrong
        ];
        let mut scores = Scores::default();
        scores.add(&gold.mentions, &predicted);
        assert_eq!(
            (scores.agency.overlap_correct, scores.agency.overlap_found),
            (1, 1)
        );
        assert_eq!(scores.agency.exact, 0);
        assert!((scores.agency.overlap().f1 - 1.0).abs() < 1e-9);
        assert!(scores.agency.exact().f1.abs() < 1e-9);
        let outlet = scores.outlet.overlap();
        assert!((outlet.precision - 0.5).abs() < 1e-9 && (outlet.recall - 1.0).abs() < 1e-9);
    }

    #[test]
    fn wrong_kind_does_not_count() {
        let gold = Labelled::parse("[[Europol|agency]]").unwrap();
        let mut scores = Scores::default();
        scores.add(&gold.mentions, &[mention(0..7, Kind::Outlet)]);
        assert_eq!(scores.agency.overlap_found, 0);
        assert_eq!(scores.outlet.overlap_correct, 0);
    }
}
