//! Moving through marked places in the article: find matches typed at the
//! prompt, or the mentions of an organisation chosen in the entities pane.

use super::{App, Focus, Step};
use crate::keymap::Mode;

impl App {
    /// Opens the find prompt, remembering where reading was.
    pub(super) fn start_find(&mut self) {
        if self.reading.is_none() {
            self.message = Some("No article is open".to_owned());
            return;
        }
        self.mode = Mode::Find;
        self.focus = Focus::Body;
        self.find.clear();
        self.find_history.reset();
        self.find.origin = self.reading.as_ref().map_or(0, |r| r.scroll);
    }

    /// Runs the find again after the query changed, from where reading began.
    pub(super) fn rerun_find(&mut self) {
        let Some(reading) = &mut self.reading else {
            return;
        };
        reading.scroll = self.find.origin;
        let from = reading
            .document
            .offset_of(self.find.origin)
            .unwrap_or_default();
        if let Err(error) = self.find.run(&reading.text, from) {
            self.message = Some(format!("Query: {error}"));
        }
        self.reveal_current_match();
    }

    /// Marks every mention of the organisation selected in the entities
    /// pane and goes to the first; `n`/`N` then walk them.
    pub(super) fn walk_selected_organisation(&mut self) {
        let Some(reading) = &self.reading else {
            return;
        };
        let Some(named) = reading.named.get(self.entities.selected) else {
            return;
        };
        let ranges = reading
            .mentions
            .iter()
            .filter(|m| m.name == named.name && m.kind == named.kind)
            .map(|m| m.range.clone())
            .collect();
        self.find.walk(&named.name, ranges);
        self.reveal_current_match();
    }

    /// Goes to the next (or previous) mark, saying when it wraps.
    pub(super) fn step_match(&mut self, backwards: bool) {
        if !self.find.is_active() {
            self.message =
                Some("Nothing to go to: press / to find, or Enter on an organisation".to_owned());
            return;
        }
        match self.find.step(backwards) {
            Step::Moved => {}
            Step::Wrapped if backwards => {
                self.message = Some("Search hit TOP, continuing at BOTTOM".to_owned());
            }
            Step::Wrapped => {
                self.message = Some("Search hit BOTTOM, continuing at TOP".to_owned());
            }
            Step::NoMatches => {
                self.message = Some(format!("Pattern not found: {}", self.find.label()));
            }
        }
        self.reveal_current_match();
    }

    pub(super) fn reveal_current_match(&mut self) {
        let height = self.body_height();
        if let (Some(reading), Some(current)) = (&mut self.reading, self.find.current_match()) {
            reading.reveal(current.start, height);
        }
    }
}
