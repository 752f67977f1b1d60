//! Everything a user can ask of the reader, named after intent.
//!
//! Keys and mouse events become actions in [`crate::keymap`]; only
//! [`crate::app::App::update`] turns actions into state changes.

/// One request from the user (or the terminal) to the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the reader.
    Quit,
    /// Hand the terminal back to the shell until the job is resumed.
    Suspend,
    /// Select the previous row, or scroll the body up a line.
    MoveUp,
    /// Select the next row, or scroll the body down a line.
    MoveDown,
    /// Up a page.
    PageUp,
    /// Down a page.
    PageDown,
    /// Up half a page.
    HalfPageUp,
    /// Down half a page.
    HalfPageDown,
    /// To the first row or the top of the article.
    GoTop,
    /// To the last row or the end of the article.
    GoBottom,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrevious,
    /// Open the selected article, or jump to the selected organisation.
    Open,
    /// Start typing a find: in the article, or across the store when the
    /// article list has focus.
    StartFind,
    /// Start typing a search across the store.
    StartStoreSearch,
    /// Go to the next match.
    NextMatch,
    /// Go to the previous match.
    PreviousMatch,
    /// Clear the marks in the article, or else the list's filter.
    Clear,
    /// Focus the agencies-and-outlets pane.
    FocusEntities,
    /// Show only the articles that name the selected organisation.
    FilterByOrganisation,
    /// Background work (the store-wide index) may have made progress.
    IndexProgress,
    /// Show or hide the key help.
    ToggleHelp,
    /// A character typed at the prompt.
    PromptInput(char),
    /// Delete the last character at the prompt.
    PromptBackspace,
    /// Keep what the prompt found and leave it.
    PromptAccept,
    /// Abandon the prompt and go back to where you were.
    PromptCancel,
    /// The previous query from this prompt's history.
    PromptHistoryPrevious,
    /// The next query from this prompt's history.
    PromptHistoryNext,
    /// The terminal changed size.
    Resize {
        /// New width in cells.
        width: u16,
        /// New height in cells.
        height: u16,
    },
    /// The mouse wheel turned over a cell.
    ScrollAt {
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
        /// Lines to scroll: negative is up.
        lines: i8,
    },
    /// The mouse clicked a cell.
    ClickAt {
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
    },
}

impl Action {
    /// What the action does, for the help overlay and the status-bar hints.
    pub fn description(self) -> &'static str {
        match self {
            Self::Quit => "quit",
            Self::Suspend => "suspend to the shell",
            Self::MoveUp => "up",
            Self::MoveDown => "down",
            Self::PageUp => "page up",
            Self::PageDown => "page down",
            Self::HalfPageUp => "half page up",
            Self::HalfPageDown => "half page down",
            Self::GoTop => "top",
            Self::GoBottom => "bottom",
            Self::FocusNext => "next pane",
            Self::FocusPrevious => "previous pane",
            Self::Open => "open",
            Self::StartFind => "find (in the list: search)",
            Self::StartStoreSearch => "search the store",
            Self::NextMatch => "next match",
            Self::PreviousMatch => "previous match",
            Self::Clear => "clear marks, then filter",
            Self::FocusEntities => "organisations pane",
            Self::FilterByOrganisation => "filter by organisation",
            Self::IndexProgress => "index progress",
            Self::ToggleHelp => "help",
            Self::PromptInput(_) => "type",
            Self::PromptBackspace => "delete",
            Self::PromptAccept => "keep matches",
            Self::PromptCancel => "cancel",
            Self::PromptHistoryPrevious => "earlier query",
            Self::PromptHistoryNext => "later query",
            Self::Resize { .. } => "resize",
            Self::ScrollAt { .. } => "wheel scroll",
            Self::ClickAt { .. } => "click",
        }
    }
}
