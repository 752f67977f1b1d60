//! Any text through the recogniser and the wrapper: mentions lie on
//! character boundaries, in order and apart; every wrapped line fits its
//! width as it is drawn.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newsdesk::document::Document;
use newsdesk::entities::{Gazetteer, Recogniser};
use newsdesk::store::Article;
use newsdesk::text::{shown, units_in};
use newsdesk::wrap::MIN_WIDTH;

fn recogniser() -> &'static Recogniser {
    static RECOGNISER: OnceLock<Recogniser> = OnceLock::new();
    RECOGNISER.get_or_init(|| Recogniser::new(Gazetteer::builtin().expect("built-in gazetteer")))
}

fuzz_target!(|data: &[u8]| {
    let Some((&width, text)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(text);
    let mut end = 0;
    for mention in recogniser().recognise(&text) {
        assert!(mention.range.start >= end);
        assert!(text.is_char_boundary(mention.range.start));
        assert!(text.is_char_boundary(mention.range.end));
        end = mention.range.end;
    }
    let width = usize::from(width);
    let article = Article::new("fuzz", text.clone().into_owned());
    let document = Document::layout(&article, &article.body.text(), width);
    for line in &document.lines[document.body_start..] {
        let cells = units_in(&text, line.range.clone())
            .fold(0, |column, (_, unit)| column + shown(unit, column).width());
        assert!(cells <= width.max(MIN_WIDTH));
    }
});
