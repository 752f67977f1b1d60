//! Earlier queries of the find and search prompts, recalled with Up/Down.

/// The queries one prompt has run, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    entries: Vec<String>,
    /// Which entry Up/Down last recalled, counted from the newest.
    cursor: Option<usize>,
}

impl History {
    /// A history of `queries`, oldest first (as they were kept).
    pub fn of(queries: Vec<String>) -> Self {
        Self {
            entries: queries,
            cursor: None,
        }
    }

    /// Adds a query (moving it to the newest place if it was there already).
    pub fn remember(&mut self, query: &str) {
        let query = query.trim();
        if query.is_empty() {
            return;
        }
        self.entries.retain(|q| q != query);
        self.entries.push(query.to_owned());
        self.cursor = None;
    }

    /// Starts recalling again from the newest query.
    pub fn reset(&mut self) {
        self.cursor = None;
    }

    /// The query before the one last recalled (Up).
    pub fn earlier(&mut self) -> Option<&str> {
        let next = self.cursor.map_or(0, |c| c + 1);
        if next >= self.entries.len() {
            return self
                .cursor
                .map(|c| self.entries[self.entries.len() - 1 - c].as_str());
        }
        self.cursor = Some(next);
        Some(&self.entries[self.entries.len() - 1 - next])
    }

    /// The query after the one last recalled (Down); empty past the newest.
    pub fn later(&mut self) -> &str {
        match self.cursor {
            Some(0) | None => {
                self.cursor = None;
                ""
            }
            Some(c) => {
                self.cursor = Some(c - 1);
                &self.entries[self.entries.len() - c]
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn up_goes_back_and_down_comes_forward() {
        let mut history = History::default();
        history.remember("raid");
        history.remember("europol");
        history.remember("raid");
        assert_eq!(history.earlier(), Some("raid"));
        assert_eq!(history.earlier(), Some("europol"));
        assert_eq!(history.earlier(), Some("europol"), "stops at the oldest");
        assert_eq!(history.later(), "raid");
        assert_eq!(history.later(), "");
        history.reset();
        assert_eq!(history.earlier(), Some("raid"));
    }

    #[test]
    fn empty_history_recalls_nothing() {
        let mut history = History::default();
        history.remember("  ");
        assert_eq!(history.earlier(), None);
        assert_eq!(history.later(), "");
    }
}
