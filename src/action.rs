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
    /// How a piece of outside work the app asked for went.
    Notice(Notice),
    /// Mark the article read, or unread if it is read.
    ToggleRead,
    /// Star the article, or take its star off.
    ToggleStar,
    /// Show only unread articles, or every article again.
    OnlyUnread,
    /// Show only starred articles, or every article again.
    OnlyStarred,
    /// Open the next unread article of the list.
    NextUnread,
    /// Open the previous unread article of the list.
    PreviousUnread,
    /// Open the article's address in the browser.
    OpenInBrowser,
    /// Copy the article's address to the clipboard.
    CopyUrl,
    /// Show the focused pane alone, or every pane again.
    Zoom,
    /// The mouse clicked a cell.
    ClickAt {
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
    },
}

impl Action {
    /// Every action a key can be bound to, in the order the help shows them.
    pub const BINDABLE: [Self; 35] = [
        Self::MoveDown,
        Self::MoveUp,
        Self::PageDown,
        Self::PageUp,
        Self::HalfPageDown,
        Self::HalfPageUp,
        Self::GoTop,
        Self::GoBottom,
        Self::FocusNext,
        Self::FocusPrevious,
        Self::Open,
        Self::StartFind,
        Self::StartStoreSearch,
        Self::NextMatch,
        Self::PreviousMatch,
        Self::FocusEntities,
        Self::FilterByOrganisation,
        Self::Clear,
        Self::ToggleRead,
        Self::ToggleStar,
        Self::OnlyUnread,
        Self::OnlyStarred,
        Self::NextUnread,
        Self::PreviousUnread,
        Self::OpenInBrowser,
        Self::CopyUrl,
        Self::Zoom,
        Self::ToggleHelp,
        Self::Quit,
        Self::Suspend,
        Self::PromptAccept,
        Self::PromptCancel,
        Self::PromptBackspace,
        Self::PromptHistoryPrevious,
        Self::PromptHistoryNext,
    ];

    /// The name a key is bound to the action by in `config.toml`, shown in
    /// the help; `None` for what no key does (a resize, a click).
    pub fn name(self) -> Option<&'static str> {
        Some(match self {
            Self::Quit => "quit",
            Self::Suspend => "suspend",
            Self::MoveUp => "up",
            Self::MoveDown => "down",
            Self::PageUp => "page-up",
            Self::PageDown => "page-down",
            Self::HalfPageUp => "half-page-up",
            Self::HalfPageDown => "half-page-down",
            Self::GoTop => "top",
            Self::GoBottom => "bottom",
            Self::FocusNext => "next-pane",
            Self::FocusPrevious => "previous-pane",
            Self::Open => "open",
            Self::StartFind => "find",
            Self::StartStoreSearch => "search",
            Self::NextMatch => "next-match",
            Self::PreviousMatch => "previous-match",
            Self::Clear => "clear",
            Self::FocusEntities => "organisations",
            Self::FilterByOrganisation => "filter",
            Self::ToggleHelp => "help",
            Self::ToggleRead => "toggle-read",
            Self::ToggleStar => "toggle-star",
            Self::OnlyUnread => "unread-only",
            Self::OnlyStarred => "starred-only",
            Self::NextUnread => "next-unread",
            Self::PreviousUnread => "previous-unread",
            Self::OpenInBrowser => "open-url",
            Self::CopyUrl => "copy-url",
            Self::Zoom => "zoom",
            Self::PromptAccept => "accept",
            Self::PromptCancel => "cancel",
            Self::PromptBackspace => "delete",
            Self::PromptHistoryPrevious => "earlier",
            Self::PromptHistoryNext => "later",
            Self::IndexProgress
            | Self::PromptInput(_)
            | Self::Resize { .. }
            | Self::ScrollAt { .. }
            | Self::ClickAt { .. }
            | Self::Notice(_) => return None,
        })
    }

    /// The action named `name` in `config.toml`.
    pub fn named(name: &str) -> Option<Self> {
        Self::BINDABLE
            .into_iter()
            .find(|action| action.name() == Some(name))
    }

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
            Self::Notice(_) => "notice",
            Self::ToggleRead => "mark read or unread",
            Self::ToggleStar => "star or unstar",
            Self::OnlyUnread => "unread only",
            Self::OnlyStarred => "starred only",
            Self::NextUnread => "next unread",
            Self::PreviousUnread => "previous unread",
            Self::OpenInBrowser => "open in the browser",
            Self::CopyUrl => "copy the address",
            Self::Zoom => "zoom the pane",
        }
    }
}

/// What the event loop tells the app of the work it did for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// There is no shell with job control to suspend to.
    NoShell,
    /// The browser could not be started.
    BrowserFailed,
    /// The browser was started.
    BrowserStarted,
    /// The address went to the terminal's clipboard.
    Copied,
    /// The terminal could not be written to.
    CopyFailed,
    /// The cache could not be written.
    CacheFailed,
}

impl Notice {
    /// What the status bar says.
    pub fn text(self) -> &'static str {
        match self {
            Self::NoShell => "No shell to suspend to",
            Self::BrowserFailed => "Could not start a browser: set $BROWSER",
            Self::BrowserStarted => "Opened in the browser",
            Self::Copied => "Address copied to the clipboard",
            Self::CopyFailed => "Could not copy: the terminal did not take it",
            Self::CacheFailed => {
                "Could not keep the cache (see newsdesk cache); the next open reads the store again"
            }
        }
    }
}
