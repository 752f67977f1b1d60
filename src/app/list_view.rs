//! The article list as shown: every article, or only those that name an
//! organisation.

use super::App;

/// Which articles the list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListView {
    /// The organisation the list is narrowed to, if any.
    pub filter: Option<String>,
    /// Store indices of the shown articles when narrowed.
    rows: Option<Vec<usize>>,
}

impl ListView {
    /// How many rows the list has, given `total` articles in the store.
    pub fn len(&self, total: usize) -> usize {
        self.rows.as_ref().map_or(total, Vec::len)
    }

    /// The store index of row `row`.
    pub fn article_at(&self, row: usize) -> usize {
        self.rows
            .as_ref()
            .map_or(row, |rows| rows.get(row).copied().unwrap_or(usize::MAX))
    }

    /// The row showing store index `article`, if it is shown.
    pub fn row_of(&self, article: usize) -> Option<usize> {
        match &self.rows {
            Some(rows) => rows.iter().position(|&a| a == article),
            None => Some(article),
        }
    }
}

impl App {
    /// Narrows the list to the articles that name the organisation selected
    /// in the entities pane.
    pub(super) fn filter_by_selected_organisation(&mut self) {
        let Some(named) = self
            .reading
            .as_ref()
            .and_then(|r| r.named.get(self.entities.selected))
        else {
            self.message = Some("Select an organisation in the entities pane first".to_owned());
            return;
        };
        self.view.filter = Some(named.name.clone());
        self.refilter();
    }

    /// Recomputes the narrowed rows (after the filter or the index changed),
    /// keeping the selected article selected when it is still shown.
    pub(super) fn refilter(&mut self) {
        let Some(name) = &self.view.filter else {
            return;
        };
        let selected = self.view.article_at(self.list.selected);
        let rows: Vec<usize> = (0..self.store.articles.len())
            .filter(|&i| self.index.names(i, name))
            .collect();
        self.view.rows = Some(rows);
        let row = self.view.row_of(selected).unwrap_or(0);
        self.list
            .select(row, self.view.len(self.store.articles.len()));
    }

    /// Shows every article again, keeping the selected one selected.
    pub(super) fn clear_filter(&mut self) {
        let selected = self.view.article_at(self.list.selected);
        self.view = ListView::default();
        self.list.select(selected, self.store.articles.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unfiltered_view_is_the_store() {
        let view = ListView::default();
        assert_eq!(
            (view.len(7), view.article_at(3), view.row_of(5)),
            (7, 3, Some(5))
        );
    }

    #[test]
    fn a_filtered_view_maps_rows_to_articles() {
        let view = ListView {
            filter: Some("Europol".to_owned()),
            rows: Some(vec![2, 5, 9]),
        };
        assert_eq!(view.len(100), 3);
        assert_eq!(view.article_at(1), 5);
        assert_eq!(view.row_of(9), Some(2));
        assert_eq!(view.row_of(4), None);
        assert_eq!(view.article_at(3), usize::MAX, "no such row");
    }
}
