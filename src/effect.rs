//! What [`App::update`](crate::app::App::update) asks the event loop to do:
//! the work that touches the world outside the reader (leaving, stopping, a
//! browser, the clipboard, the remembered state, the cache). Update itself
//! changes only the reader's state and its own workers (the index and
//! search threads it starts, and whose results it takes in on
//! [`Action::IndexProgress`](crate::action::Action::IndexProgress)); the loop
//! performs the effects, and tells the app how they went through
//! [`Action::Notice`](crate::action::Action::Notice).

/// One piece of outside work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Leave the reader.
    Quit,
    /// Hand the terminal back to the shell until the job is resumed.
    Suspend,
    /// Open this http(s) address in the user's browser.
    OpenUrl(String),
    /// Put this text on the terminal's clipboard (OSC 52).
    Copy(String),
    /// Keep this change in the remembered state.
    Remember(Change),
    /// Keep what was derived from the store in its cache (off the reader's
    /// thread: it writes the whole word index).
    Keep(Box<crate::cache::Keepsake>),
}

/// A change to what newsdesk remembers between runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The article with this id was read, or marked unread.
    Read {
        /// The article's id.
        id: String,
        /// Read (true) or unread.
        read: bool,
    },
    /// The article with this id was starred, or its star taken away.
    Starred {
        /// The article's id.
        id: String,
        /// Starred (true) or not.
        starred: bool,
    },
    /// A find was kept.
    Find(String),
    /// A store search was kept.
    Search(String),
}
