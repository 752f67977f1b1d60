//! The rows of the agencies-and-outlets pane: a heading before each kind,
//! then its organisations. The pane draws them; `update` uses them to keep
//! the selection in view, since the headings take rows of their own.

use crate::entities::{Kind, Named};

/// One row of the pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// The heading of a kind, with how many organisations it has.
    Heading(Kind, usize),
    /// An organisation: its index in the summary.
    Organisation(usize),
}

/// The pane's rows: a heading before each kind, then its organisations.
pub fn rows(named: &[Named]) -> Vec<Row> {
    let mut rows = Vec::with_capacity(named.len() + 2);
    for kind in [Kind::Agency, Kind::Outlet] {
        let count = named.iter().filter(|n| n.kind == kind).count();
        if count > 0 {
            rows.push(Row::Heading(kind, count));
            rows.extend(
                named
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| n.kind == kind)
                    .map(|(i, _)| Row::Organisation(i)),
            );
        }
    }
    rows
}

/// The display row of organisation `index`.
pub fn display_row(named: &[Named], index: usize) -> usize {
    rows(named)
        .iter()
        .position(|row| *row == Row::Organisation(index))
        .unwrap_or(0)
}

/// How many rows the pane has.
pub fn display_rows(named: &[Named]) -> usize {
    rows(named).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str, kind: Kind) -> Named {
        Named {
            name: name.to_owned(),
            kind,
            count: 1,
            first: 0,
        }
    }

    #[test]
    fn headings_precede_each_present_kind() {
        let list = [
            named("Europol", Kind::Agency),
            named("AP", Kind::Outlet),
            named("BBC", Kind::Outlet),
        ];
        assert_eq!(
            rows(&list),
            [
                Row::Heading(Kind::Agency, 1),
                Row::Organisation(0),
                Row::Heading(Kind::Outlet, 2),
                Row::Organisation(1),
                Row::Organisation(2)
            ]
        );
        assert_eq!(display_row(&list, 1), 3);
        assert_eq!(
            rows(&list[1..]).first(),
            Some(&Row::Heading(Kind::Outlet, 2))
        );
    }
}
