//! Any bytes, read as an RSS or Atom feed: an error names the file on one
//! line, every article has an id and a title or a body, nothing panics.
//!
//! feed-rs and quick-xml panic on some input; newsdesk catches those panics
//! and refuses the file. libFuzzer's panic hook would abort first, so this
//! target lets panics raised inside those two crates unwind to newsdesk's
//! catch, and still aborts on every other panic.

#![no_main]

use std::path::Path;
use std::sync::Once;

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/sound.rs"]
mod sound;
use newsdesk::store::Store;

fn tolerate_panics_in_feed_parsers() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let fuzzer_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let upstream = info.location().is_some_and(|at| {
                at.file().contains("/feed-rs-") || at.file().contains("/quick-xml-")
            });
            if !upstream {
                fuzzer_hook(info);
            }
        }));
    });
}

fuzz_target!(|data: &[u8]| {
    tolerate_panics_in_feed_parsers();
    for name in ["fuzz.xml", "fuzz-without-extension"] {
        sound::assert_sound(name, &Store::from_bytes(Path::new(name), data));
    }
});
