//! Any text as the HTML body of a Miniflux entry and of a JSON Feed item:
//! it becomes plain text without a panic, and the text it gives keeps no
//! tag that the input did not spell out as text.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use newsdesk::store::Store;

fuzz_target!(|html: &str| {
    let miniflux = serde_json::json!({
        "total": 1,
        "entries": [{"id": 1, "feed_id": 2, "title": "t", "content": html, "feed": {"title": "f"}}],
    });
    let feed = serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "f",
        "items": [{"id": "1", "title": "t", "content_html": html}],
    });
    for document in [miniflux, feed] {
        let bytes = document.to_string();
        let store = Store::from_bytes(Path::new("fuzz.json"), bytes.as_bytes())
            .expect("a well-formed document always reads");
        assert_eq!(store.articles.len(), 1);
        // Text may spell a tag out: as an entity, in CDATA, inside the
        // elements whose content HTML takes as text, or with a `<` of its
        // own beside a tag that goes (`xa<` `</x>` `p>` shows `xa<p>`). Where
        // every `<` opens a tag and none of those is in play, no tag of a
        // common element may be left.
        let lower = html.to_ascii_lowercase();
        let bytes = lower.as_bytes();
        let stray_angle = angle_positions(bytes).any(|at| {
            let next = bytes.get(at + 1).copied().unwrap_or(b' ');
            let after = bytes.get(at + 2).copied().unwrap_or(b' ');
            !(next.is_ascii_alphabetic() || (next == b'/' && after.is_ascii_alphabetic()))
        });
        let spelled = stray_angle
            || ["&", "plaintext", "xmp", "textarea", "title", "noscript", "noembed"]
                .iter()
                .any(|sign| lower.contains(sign));
        if !spelled {
            let body = store.articles[0].body.text().to_ascii_lowercase();
            for tag in ["<p>", "</p>", "<br>", "<br/>", "</a>", "</div>", "</li>", "</em>", "</b>"] {
                assert!(!body.contains(tag), "{tag} is left in {body:?} from {html:?}");
            }
        }
    }
});

fn angle_positions(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'<')
        .map(|(at, _)| at)
}
