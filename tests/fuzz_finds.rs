//! The inputs the fuzz targets in `fuzz/` found faults with, kept as they
//! were found (`tests/fixtures/fuzz/<target>/`) and checked the way each
//! target checks its input, so that `cargo test` keeps them fixed.

use std::path::{Path, PathBuf};

use newsdesk::store::map::FieldMap;
use newsdesk::store::{Options, Store};

mod common;

use common::sound::assert_sound as sound;

fn found_by(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target);
    let mut found: Vec<_> = std::fs::read_dir(&dir)
        .expect("the target's finds")
        .map(|entry| {
            let path = entry.expect("an entry").path();
            let bytes = std::fs::read(&path).expect("readable");
            (path, bytes)
        })
        .collect();
    found.sort();
    assert!(!found.is_empty(), "nothing kept for {target}");
    found
}

#[test]
fn feeds_the_fuzzer_found_read_soundly() {
    for (path, bytes) in found_by("read_feed") {
        for name in ["fuzz.xml", "fuzz-without-extension"] {
            let loaded = Store::from_bytes(Path::new(name), &bytes);
            sound(name, &loaded);
            if let Err(err) = loaded {
                assert!(!err.to_string().contains("feed-rs failed"), "{err}");
            }
        }
        eprintln!("{} read soundly", path.display());
    }
}

#[test]
fn documents_the_fuzzer_found_read_soundly() {
    for (_, bytes) in found_by("read_shapes") {
        let (first, rest) = match bytes.iter().position(|b| *b == b'\n') {
            Some(at) => (&bytes[..at], &bytes[at + 1..]),
            None => (&bytes[..0], &bytes[..]),
        };
        let map = std::str::from_utf8(first)
            .ok()
            .and_then(|text| FieldMap::parse(text).ok());
        let options = Options {
            max_bytes: u64::MAX,
            map,
        };
        for name in ["fuzz.json", "fuzz.jsonl"] {
            sound(
                name,
                &Store::from_bytes_with(Path::new(name), rest, &options),
            );
        }
    }
}

#[test]
fn html_the_fuzzer_found_leaves_no_tag() {
    for (_, bytes) in found_by("html_body") {
        let html = String::from_utf8_lossy(&bytes);
        let document = serde_json::json!({
            "total": 1,
            "entries": [{"id": 1, "feed_id": 2, "title": "t", "content": html, "feed": {"title": "f"}}],
        })
        .to_string();
        let store = Store::from_bytes(Path::new("fuzz.json"), document.as_bytes()).expect("reads");
        let body = store.articles[0].body.text();
        assert!(
            !body.contains("</"),
            "a tag is left in {body:?} from {html:?}"
        );
    }
}
