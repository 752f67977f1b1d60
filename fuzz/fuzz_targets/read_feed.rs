//! Any bytes, read as an RSS or Atom feed: an error names the file on one
//! line, every article has an id and a title or a body, nothing panics.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use newsdesk::store::Store;

fuzz_target!(|data: &[u8]| {
    for name in ["fuzz.xml", "fuzz-without-extension"] {
        match Store::from_bytes(Path::new(name), data) {
            Ok(store) => {
                for article in &store.articles {
                    assert!(!article.id.is_empty());
                    assert!(!(article.title.is_empty() && article.body.is_empty()));
                }
            }
            Err(err) => {
                let message = err.to_string();
                assert!(message.contains(name), "{message}");
                assert!(!message.contains('\n'), "{message:?}");
            }
        }
    }
});
