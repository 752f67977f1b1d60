//! What newsdesk remembers between runs.
