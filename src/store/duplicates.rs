//! Articles that share an id. Both are kept; `check` names both places.

use super::{Loading, Problem};

impl Loading {
    /// A problem for every article whose id an article read before it
    /// already has, naming where that first one is.
    pub(super) fn duplicate_ids(&self) -> Vec<Problem> {
        let articles = &self.store.articles;
        let mut order: Vec<usize> = (0..articles.len()).collect();
        // A stable sort keeps articles with the same id in the order read.
        order.sort_by(|&a, &b| articles[a].id.cmp(&articles[b].id));
        let mut found = Vec::new();
        for group in order.chunk_by(|&a, &b| articles[a].id == articles[b].id) {
            let Some((&first, later)) = group.split_first() else {
                continue;
            };
            let (Some(first_at), first_file) = self.place(first) else {
                continue;
            };
            for &again in later {
                let (Some(at), file) = self.place(again) else {
                    continue;
                };
                let problem = Problem {
                    file: file.to_owned(),
                    index: at.index,
                    id: Some(articles[again].id.clone()),
                    message: format!(
                        "duplicate id, first used by {}: article {}",
                        first_file.display(),
                        first_at.index
                    ),
                    skipped: false,
                };
                found.push((again, problem));
            }
        }
        found.sort_unstable_by_key(|(again, _)| *again);
        found.into_iter().map(|(_, problem)| problem).collect()
    }

    /// Where the `article`th article read came from.
    fn place(&self, article: usize) -> (Option<super::loading::Origin>, &std::path::Path) {
        let origin = self.origins.get(article).copied();
        let file = origin
            .and_then(|o| self.files.get(o.file))
            .map_or(std::path::Path::new(""), |f| f.as_path());
        (origin, file)
    }
}
