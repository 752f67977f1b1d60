//! What newsdesk remembers between runs.

mod schema;
