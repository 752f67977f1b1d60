//! `newsdesk import`: gathering articles from files, directories and URLs
//! into one JSON Lines store.

pub mod append;
pub mod fetch;
