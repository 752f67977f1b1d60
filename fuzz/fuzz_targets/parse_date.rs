//! Any text as a date: no panic, and a date that reads has a canonical form
//! that reads back to the same instant and day.

#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdesk::store::Published;

fuzz_target!(|text: &str| {
    if let Ok(date) = Published::parse(text) {
        let again = Published::parse(date.as_str()).expect("the canonical form reads");
        assert_eq!(again.epoch_seconds(), date.epoch_seconds());
        assert_eq!(again.day(), date.day());
        let _ = date.readable();
    }
    if let Ok(value) = text.trim().parse::<f64>() {
        let _ = Published::from_number(value);
    }
});
