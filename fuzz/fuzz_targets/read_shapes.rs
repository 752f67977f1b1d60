//! A field map and a JSON document: the first line of the input is given as
//! `--map` (when it reads as one), the rest is the document, read as JSON and
//! as JSON Lines. Errors name the file on one line; articles have an id and
//! a title or a body; nothing panics.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/sound.rs"]
mod sound;
use newsdesk::store::map::FieldMap;
use newsdesk::store::{Options, Store};

fuzz_target!(|data: &[u8]| {
    let (first, rest) = match data.iter().position(|b| *b == b'\n') {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (&data[..0], data),
    };
    let map = std::str::from_utf8(first)
        .ok()
        .and_then(|text| FieldMap::parse(text).ok());
    let options = Options {
        max_bytes: u64::MAX,
        map,
    };
    for name in ["fuzz.json", "fuzz.jsonl"] {
        sound::assert_sound(name, &Store::from_bytes_with(Path::new(name), rest, &options));
    }
});
