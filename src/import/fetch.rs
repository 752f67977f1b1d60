//! Fetching a feed or a JSON API response over HTTP(S).
