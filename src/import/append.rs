//! Appending whole lines to a JSON Lines store, atomically.
