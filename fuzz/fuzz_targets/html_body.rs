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
        // Text may spell a tag out: as an entity, around a comment (`<` then
        // `<!-- -->` or `<?x>` then `/p>`), in CDATA, or inside the elements
        // whose content HTML takes as text. Otherwise no tag of a common
        // element may be left.
        let lower = html.to_ascii_lowercase();
        let spelled = ["&", "<!", "<?", "plaintext", "xmp", "textarea", "title", "noscript", "noembed"]
            .iter()
            .any(|sign| lower.contains(sign));
        if !spelled {
            let body = store.articles[0].body.to_ascii_lowercase();
            for tag in ["<p>", "</p>", "<br>", "<br/>", "</a>", "</div>", "</li>", "</em>", "</b>"] {
                assert!(!body.contains(tag), "{tag} is left in {body:?} from {html:?}");
            }
        }
    }
});
