//! Any bytes, read as a store of each format: an error names the file on
//! one line, a store has an id for every article, nothing panics.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use newsdesk::store::Store;

fuzz_target!(|data: &[u8]| {
    for name in ["fuzz.json", "fuzz.jsonl", "fuzz.txt"] {
        match Store::from_bytes(Path::new(name), data) {
            Ok(store) => assert!(store.articles.iter().all(|a| !a.id.is_empty())),
            Err(err) => {
                let message = err.to_string();
                assert!(message.contains(name), "{message}");
                assert!(!message.contains('\n'), "{message:?}");
            }
        }
    }
});
