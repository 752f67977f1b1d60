//! The reader's state, and where it changes: once the reader runs, only in
//! [`App::update`], which the event loop calls with each action and whose
//! effects it performs. Before the first frame the set-up makes it
//! ([`App::new`] or [`App::from_warm`], then what was remembered and the
//! settings' keys and arrangement). The state knows nothing of how it is
//! drawn: the theme belongs to the screen that draws it (`ui::Screen`).

mod find;
mod finding;
mod history;
mod keeping;
mod list_view;
mod marks;
pub mod organisations;
pub use keeping::{INDEX_AHEAD, Keeping};
mod reading;
mod recall;
mod searcher;

use std::sync::Arc;

use ratatui::layout::{Position, Rect};

use crate::action::Action;
use crate::effect::{Change, Effect};
use crate::entities::Recogniser;
use crate::keymap::{Keymap, Mode};
use crate::layout::{self, Arrangement, Pane, Panes, inner};
use crate::org_index::OrgIndex;
use crate::scroll::Cursor;
use crate::store::Store;

pub use find::{Find, Step};
pub use history::History;
pub use list_view::{ListView, Narrowing, SavedList};
pub use marks::{Marks, Only};
pub use reading::Reading;
pub use recall::Recalled;
pub use searcher::Searcher;

/// Which pane keys act on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Focus {
    /// The article list.
    #[default]
    Articles,
    /// The opened article.
    Body,
    /// The agencies and outlets of the opened article.
    Entities,
}

impl Focus {
    const ORDER: [Self; 3] = [Self::Articles, Self::Body, Self::Entities];

    /// The pane that has focus.
    pub fn pane(self) -> Pane {
        match self {
            Self::Articles => Pane::Articles,
            Self::Body => Pane::Body,
            Self::Entities => Pane::Entities,
        }
    }

    fn cycled(self, forward: bool) -> Self {
        let at = Self::ORDER.iter().position(|f| *f == self).unwrap_or(0);
        let next = if forward {
            at + 1
        } else {
            at + Self::ORDER.len() - 1
        };
        Self::ORDER[next % Self::ORDER.len()]
    }
}

/// Everything the reader shows.
#[derive(Debug)]
pub struct App {
    /// The articles.
    pub store: Arc<Store>,
    /// Finds organisations in opened articles.
    pub recogniser: Arc<Recogniser>,
    /// Which organisations each article names, filled in the background.
    pub index: OrgIndex,
    /// Which articles the list shows.
    pub view: ListView,
    /// The terminal's size, as last reported.
    pub viewport: Rect,
    /// Which pane keys act on.
    pub focus: Focus,
    /// Which keys are in force.
    pub mode: Mode,
    /// Selection in the article list.
    pub list: Cursor,
    /// Selection in the entities pane.
    pub entities: Cursor,
    /// The article in the body pane.
    pub reading: Option<Reading>,
    /// The find in the article.
    pub find: Find,
    /// The store search being typed.
    pub prompt: String,
    /// The list to go back to if the store search is abandoned.
    pub saved_list: Option<SavedList>,
    /// Store searches running off the UI thread.
    pub searcher: Searcher,
    /// Earlier finds in articles.
    pub find_history: History,
    /// Earlier store searches.
    pub search_history: History,
    /// First line of the help overlay shown.
    pub help_scroll: usize,
    /// A one-off message for the status bar.
    pub message: Option<String>,
    /// What the action being applied asks the event loop to do.
    effects: Vec<Effect>,
    /// Which articles are read and which starred.
    pub marks: Marks,
    /// How many articles of the store are not read.
    unread: usize,
    /// The focused pane is shown alone on the whole screen.
    pub zoomed: bool,
    /// Where keeping the cache is.
    pub keeping: Keeping,
    /// How the panes are arranged.
    pub arrangement: Arrangement,
    /// The keys in force.
    pub keys: Keymap,
}

impl App {
    /// A reader over `store`, sized for `viewport`, with the first article
    /// open; the organisation index starts building on a worker thread.
    pub fn new(store: Store, recogniser: Recogniser, viewport: Rect) -> Self {
        Self::with_index(store, recogniser, viewport, None)
    }

    /// A reader with the organisation index `index`, or one built on a
    /// worker thread.
    fn with_index(
        store: Store,
        recogniser: Recogniser,
        viewport: Rect,
        index: Option<OrgIndex>,
    ) -> Self {
        let (store, recogniser) = (Arc::new(store), Arc::new(recogniser));
        let index =
            index.unwrap_or_else(|| OrgIndex::spawn(Arc::clone(&store), Arc::clone(&recogniser)));
        let mut app = Self {
            index,
            view: ListView::default(),
            store,
            recogniser,
            viewport,
            focus: Focus::default(),
            mode: Mode::default(),
            list: Cursor::default(),
            entities: Cursor::default(),
            reading: None,
            find: Find::default(),
            prompt: String::new(),
            saved_list: None,
            searcher: Searcher::default(),
            find_history: History::default(),
            search_history: History::default(),
            help_scroll: 0,
            message: None,
            effects: Vec::new(),
            unread: 0,
            marks: Marks::default(),
            zoomed: false,
            keeping: Keeping::Off,
            arrangement: Arrangement::default(),
            keys: Keymap::default(),
        };
        app.unread = app.store.articles.len();
        app.open(0);
        app
    }

    /// The panes at the current size, or `None` when the terminal is too small.
    pub fn panes(&self) -> Option<Panes> {
        self.panes_in(self.viewport)
    }

    /// The panes in `area`, arranged as the app is.
    pub fn panes_in(&self, area: Rect) -> Option<Panes> {
        layout::layout(
            area,
            self.arrangement,
            self.zoomed.then(|| self.focus.pane()),
        )
    }

    /// Applies one action, and gives what it asks the event loop to do.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if !matches!(
            action,
            Action::Resize { .. }
                | Action::ScrollAt { .. }
                | Action::IndexProgress
                | Action::Suspend
                | Action::Notice(_)
        ) {
            self.message = None;
        }
        match action {
            Action::Quit => self.effects.push(Effect::Quit),
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::Notice(notice) => self.message = Some(notice.text().to_owned()),
            Action::MoveUp => self.move_by(-1),
            Action::MoveDown => self.move_by(1),
            Action::PageUp => self.move_by(-self.page()),
            Action::PageDown => self.move_by(self.page()),
            Action::HalfPageUp => self.move_by(-(self.page() / 2).max(1)),
            Action::HalfPageDown => self.move_by((self.page() / 2).max(1)),
            Action::GoTop => self.move_by(isize::MIN / 2),
            Action::GoBottom => self.move_by(isize::MAX / 2),
            Action::FocusNext => self.focus = self.focus.cycled(true),
            Action::FocusPrevious => self.focus = self.focus.cycled(false),
            Action::FocusEntities => self.focus = Focus::Entities,
            Action::FilterByOrganisation => self.filter_by_selected_organisation(),
            Action::IndexProgress => self.take_in_progress(),
            Action::Open => self.open_selected(),
            Action::ToggleHelp => self.toggle_help(),
            Action::StartFind if self.focus == Focus::Articles => self.start_store_search(),
            Action::StartFind => self.start_find(),
            Action::StartStoreSearch => self.start_store_search(),
            Action::PromptInput(c) => self.edit_prompt(|text| text.push(c)),
            Action::PromptBackspace => self.edit_prompt(|text| {
                text.pop();
            }),
            Action::PromptHistoryPrevious => self.recall_query(true),
            Action::PromptHistoryNext => self.recall_query(false),
            Action::PromptAccept if self.mode == Mode::Search => self.end_store_search(true),
            Action::PromptAccept => self.end_find(true),
            Action::PromptCancel if self.mode == Mode::Search => self.end_store_search(false),
            Action::PromptCancel => self.end_find(false),
            Action::NextMatch => self.step_match(false),
            Action::PreviousMatch => self.step_match(true),
            Action::Clear => self.clear(),
            Action::Resize { width, height } => self.viewport = Rect::new(0, 0, width, height),
            Action::ScrollAt { column, row, lines } => {
                self.scroll_at(Position::new(column, row), isize::from(lines));
            }
            Action::ClickAt { column, row } => self.click_at(Position::new(column, row)),
            Action::ToggleRead => self.toggle_read(),
            Action::ToggleStar => self.toggle_star(),
            Action::OnlyUnread => self.toggle_only(Only::Unread),
            Action::OnlyStarred => self.toggle_only(Only::Starred),
            Action::NextUnread => self.step_unread(true),
            Action::PreviousUnread => self.step_unread(false),
            Action::OpenInBrowser => self.open_in_browser(),
            Action::CopyUrl => self.copy_url(),
            Action::Zoom => self.zoomed = !self.zoomed,
        }
        self.fit_to_viewport();
        std::mem::take(&mut self.effects)
    }

    /// Takes in what the workers have done: the organisation index, search
    /// results, and when the cache can be kept.
    fn take_in_progress(&mut self) {
        if self.index.absorb() && self.view.organisation().is_some() {
            self.refilter();
        }
        if let Some(found) = self.searcher.poll() {
            self.show_results(&found);
        }
        self.plan_keeping();
    }

    /// Leaves the find prompt, keeping the find (and remembering it) or
    /// going back to where reading was.
    fn end_find(&mut self, keep: bool) {
        self.mode = Mode::Normal;
        if keep {
            self.find_history.remember(&self.find.query);
            if !self.find.query.trim().is_empty() {
                let query = self.find.query.trim().to_owned();
                self.effects.push(Effect::Remember(Change::Find(query)));
            }
        } else {
            self.find.clear();
            if let Some(reading) = &mut self.reading {
                reading.scroll = self.find.origin;
            }
        }
    }

    /// Clears the find's marks first, then the list's narrowing; never quits.
    fn clear(&mut self) {
        if self.find.is_active() {
            self.find.clear();
        } else if self.view.narrowing.is_some() {
            self.clear_filter();
        }
    }

    /// Rows a page moves in the focused pane.
    fn page(&self) -> isize {
        let Some(panes) = self.panes() else { return 1 };
        let rows = match self.focus {
            Focus::Articles => panes.articles_shown(),
            Focus::Body | Focus::Entities => usize::from(inner(panes.of(self.focus.pane())).height),
        };
        isize::try_from(rows.max(1)).unwrap_or(1)
    }

    fn move_by(&mut self, delta: isize) {
        if self.mode == Mode::Help {
            self.help_scroll = self.help_scroll.saturating_add_signed(delta);
            return;
        }
        match self.focus {
            Focus::Articles => self.list.move_by(delta, self.list_len()),
            Focus::Body => {
                if let Some(reading) = &mut self.reading {
                    reading.scroll = reading.scroll.saturating_add_signed(delta);
                }
            }
            Focus::Entities => {
                let len = self.reading.as_ref().map_or(0, |r| r.named.len());
                self.entities.move_by(delta, len);
            }
        }
    }

    fn open_selected(&mut self) {
        match self.focus {
            Focus::Articles => {
                // A search carries into the article as a find.
                if let Some(query) = self.view.query() {
                    self.find.clear();
                    self.find.query = query.to_owned();
                }
                // An empty narrowed list has nothing to open.
                if let Some(index) = self
                    .view
                    .article_at(self.list.selected, self.store.articles.len())
                {
                    self.read_article(index);
                    self.focus = Focus::Body;
                }
            }
            Focus::Body => {}
            Focus::Entities => self.walk_selected_organisation(),
        }
    }

    /// Puts the earlier (or later) query of the prompt's history at the
    /// prompt.
    fn recall_query(&mut self, earlier: bool) {
        let history = if self.mode == Mode::Search {
            &mut self.search_history
        } else {
            &mut self.find_history
        };
        let recalled = if earlier {
            history.earlier().map(str::to_owned)
        } else {
            Some(history.later().to_owned())
        };
        if let Some(recalled) = recalled {
            self.edit_prompt(|text| *text = recalled);
        }
    }

    /// Applies an edit to the text at the prompt and acts on the result.
    fn edit_prompt(&mut self, edit: impl FnOnce(&mut String)) {
        match self.mode {
            Mode::Search => {
                edit(&mut self.prompt);
                self.search_as_typed();
            }
            Mode::Find => {
                edit(&mut self.find.query);
                self.rerun_find();
            }
            Mode::Normal | Mode::Help => {}
        }
    }

    /// Whether work on other threads may still change what is shown.
    pub fn is_busy(&self) -> bool {
        !self.index.is_complete()
            || self.searcher.is_pending()
            || self.searcher.is_indexing()
            || self.awaits_keeping()
    }

    /// Rows in the article list as shown.
    pub fn list_len(&self) -> usize {
        self.view.len(self.store.articles.len())
    }

    /// Opens article `index` in the body. A find is run again on it; an
    /// organisation being walked is walked here too if the article names it.
    fn open(&mut self, index: usize) {
        let Some(article) = self.store.articles.get(index) else {
            self.reading = None;
            return;
        };
        let width = self.body_width();
        let reading = Reading::open(index, article, &self.recogniser, width);
        self.entities = Cursor::default();
        if let Some(organisation) = self.find.organisation.take() {
            self.find.clear();
            if let Some(at) = reading.named.iter().position(|n| n.name == organisation) {
                self.entities.selected = at;
                self.reading = Some(reading);
                self.walk_selected_organisation();
                return;
            }
        }
        let reading = self.reading.insert(reading);
        if self.find.is_active() {
            // A query that cannot be read was reported as it was typed.
            let _ = self.find.run(&reading.text, 0);
            self.reveal_current_match();
        }
    }

    /// The address of the article a key acts on, if it is a web address.
    fn web_address(&mut self) -> Option<String> {
        let index = match self.focus {
            Focus::Articles => self
                .view
                .article_at(self.list.selected, self.store.articles.len()),
            Focus::Body | Focus::Entities => self.reading.as_ref().map(|r| r.index),
        }?;
        let Some(url) = self.store.articles.get(index)?.url.clone() else {
            self.message = Some("This article has no address".to_owned());
            return None;
        };
        let scheme = url
            .split(':')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        if scheme == "http" || scheme == "https" {
            Some(url)
        } else {
            self.message = Some("Only http and https addresses open in a browser".to_owned());
            None
        }
    }

    fn open_in_browser(&mut self) {
        if let Some(url) = self.web_address() {
            self.effects.push(Effect::OpenUrl(url));
        }
    }

    fn copy_url(&mut self) {
        if let Some(url) = self.web_address() {
            self.effects.push(Effect::Copy(url));
        }
    }

    fn toggle_help(&mut self) {
        self.mode = if self.mode == Mode::Help {
            Mode::Normal
        } else {
            self.help_scroll = 0;
            Mode::Help
        };
    }

    fn scroll_at(&mut self, at: Position, lines: isize) {
        let Some(panes) = self.panes() else { return };
        if panes.articles.contains(at) {
            self.list.move_by(lines, self.list_len());
        } else if panes.body.contains(at) {
            if let Some(reading) = &mut self.reading {
                reading.scroll = reading.scroll.saturating_add_signed(lines);
            }
        } else if panes.entities.contains(at) {
            let len = self.reading.as_ref().map_or(0, |r| r.named.len());
            self.entities.move_by(lines, len);
        }
    }

    fn click_at(&mut self, at: Position) {
        let Some(panes) = self.panes() else { return };
        let list = inner(panes.articles);
        if list.contains(at) {
            let row = self.list.offset + usize::from((at.y - list.y) / panes.lines_per_article());
            if row < self.list_len() {
                self.focus = Focus::Articles;
                self.list.select(row, self.list_len());
                if let Some(index) = self.view.article_at(row, self.store.articles.len()) {
                    self.read_article(index);
                }
            }
        } else if panes.body.contains(at) {
            self.focus = Focus::Body;
        } else if panes.entities.contains(at) {
            self.focus = Focus::Entities;
        }
    }

    fn body_width(&self) -> usize {
        self.panes()
            .map_or(40, |p| usize::from(inner(p.body).width.max(1)))
    }

    fn body_height(&self) -> usize {
        self.panes()
            .map_or(1, |p| usize::from(inner(p.body).height.max(1)))
    }

    /// Keeps every selection and scroll valid for the current size.
    fn fit_to_viewport(&mut self) {
        let Some(panes) = self.panes() else { return };
        let rows = |rect: Rect| usize::from(inner(rect).height);
        self.list.follow(self.list_len(), panes.articles_shown());
        let (width, height) = (self.body_width(), self.body_height());
        if let Some(reading) = &mut self.reading {
            if let Some(article) = self.store.articles.get(reading.index) {
                reading.relayout(article, width);
            }
            reading.clamp(height);
            // The pane shows a heading above each kind, so the window follows
            // the selection's display row, not its index.
            self.entities
                .select(self.entities.selected, reading.named.len());
            let row = organisations::display_row(&reading.named, self.entities.selected);
            let total = organisations::display_rows(&reading.named);
            let height = rows(panes.entities);
            self.entities.offset = crate::scroll::follow(row, self.entities.offset, height)
                .min(crate::scroll::max_offset(total, height));
        }
    }
}

#[cfg(test)]
mod tests;
