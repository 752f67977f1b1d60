//! What the reader starts with from earlier runs, and what it leaves to
//! be remembered when it ends.

use super::{App, History, Marks};

/// What is remembered from earlier runs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recalled {
    /// Which articles are read and starred.
    pub marks: Marks,
    /// Finds kept, oldest first.
    pub finds: Vec<String>,
    /// Store searches kept, oldest first.
    pub searches: Vec<String>,
    /// The article open when these stores were last left, and the first
    /// line of it shown.
    pub place: Option<(String, usize)>,
}

impl App {
    /// Starts from what was remembered: marks, histories, and the article
    /// and line where these stores were left (when it is still there).
    pub fn recall(&mut self, recalled: Recalled) {
        self.set_marks(recalled.marks);
        self.find_history = History::of(recalled.finds);
        self.search_history = History::of(recalled.searches);
        let Some((id, scroll)) = recalled.place else {
            return;
        };
        let Some(index) = self.store.articles.iter().position(|a| a.id == id) else {
            return;
        };
        if let Some(row) = self.view.row_of(index) {
            self.list.select(row, self.list_len());
        }
        self.open(index);
        if let Some(reading) = &mut self.reading {
            reading.scroll = scroll;
        }
        self.fit_to_viewport();
    }

    /// Where the reader is, to be remembered: the open article's id and
    /// the first line of it shown.
    pub fn place(&self) -> Option<(String, usize)> {
        let reading = self.reading.as_ref()?;
        let article = self.store.articles.get(reading.index)?;
        Some((article.id.clone(), reading.scroll))
    }
}
