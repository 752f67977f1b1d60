//! Cursor and offset arithmetic shared by the list panes and the body.

/// A selection in a list shown through a window of rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    /// Index of the selected item.
    pub selected: usize,
    /// Index of the first visible item.
    pub offset: usize,
}

impl Cursor {
    /// Moves the selection by `delta` items, clamped to `0..len`.
    pub fn move_by(&mut self, delta: isize, len: usize) {
        self.selected = step(self.selected, delta, len);
    }

    /// Selects item `index`, clamped to `0..len`.
    pub fn select(&mut self, index: usize, len: usize) {
        self.selected = index.min(len.saturating_sub(1));
    }

    /// Scrolls just enough that the selection is inside a window of `height`.
    pub fn follow(&mut self, len: usize, height: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        self.offset = follow(self.selected, self.offset, height);
        self.offset = self.offset.min(max_offset(len, height));
    }
}

/// `current` moved by `delta`, clamped to `0..len` (0 when empty).
pub fn step(current: usize, delta: isize, len: usize) -> usize {
    let last = len.saturating_sub(1);
    current.saturating_add_signed(delta).min(last)
}

/// The offset nearest `offset` at which row `selected` is visible in a window
/// of `height` rows.
pub fn follow(selected: usize, offset: usize, height: usize) -> usize {
    let height = height.max(1);
    if selected < offset {
        selected
    } else if selected >= offset + height {
        selected + 1 - height
    } else {
        offset
    }
}

/// The largest useful offset: the last row at the bottom of the window.
pub fn max_offset(len: usize, height: usize) -> usize {
    len.saturating_sub(height)
}

/// Where a window of `height` rows at `offset` stands in `len` rows, in the
/// words `less` and vim use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// Everything fits.
    All,
    /// At the start.
    Top,
    /// At the end.
    Bottom,
    /// Somewhere between: the share of rows above the window's bottom.
    Percent(u8),
}

impl Position {
    /// The position of a window over `len` rows.
    pub fn of(offset: usize, height: usize, len: usize) -> Self {
        if len <= height {
            Self::All
        } else if offset == 0 {
            Self::Top
        } else if offset >= max_offset(len, height) {
            Self::Bottom
        } else {
            let seen = (offset + height) * 100 / len;
            Self::Percent(u8::try_from(seen.min(99)).unwrap_or(99))
        }
    }
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::All => f.write_str("All"),
            Self::Top => f.write_str("Top"),
            Self::Bottom => f.write_str("Bot"),
            Self::Percent(p) => write!(f, "{p}%"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_clamps_at_both_ends() {
        assert_eq!(step(0, -1, 10), 0);
        assert_eq!(step(8, 5, 10), 9);
        assert_eq!(step(3, 2, 0), 0);
    }

    #[test]
    fn follow_moves_the_window_as_little_as_possible() {
        assert_eq!(follow(5, 0, 10), 0);
        assert_eq!(follow(12, 0, 10), 3);
        assert_eq!(follow(2, 5, 10), 2);
        assert_eq!(
            follow(7, 3, 0),
            7,
            "a zero-height window still shows the row"
        );
    }

    #[test]
    fn cursor_follow_clamps_offset_when_list_shrinks() {
        let mut cursor = Cursor {
            selected: 50,
            offset: 45,
        };
        cursor.follow(20, 10);
        assert_eq!(
            cursor,
            Cursor {
                selected: 19,
                offset: 10
            }
        );
    }

    #[test]
    fn position_reads_like_less() {
        assert_eq!(Position::of(0, 10, 5), Position::All);
        assert_eq!(Position::of(0, 10, 100), Position::Top);
        assert_eq!(Position::of(90, 10, 100), Position::Bottom);
        assert_eq!(Position::of(40, 10, 100), Position::Percent(50));
        assert_eq!(Position::of(40, 10, 100).to_string(), "50%");
    }
}
