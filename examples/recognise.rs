//! Prints the mentions the built-in recogniser finds in a text file (or
//! standard input): `cargo run --example recognise -- FILE`.

use std::io::Read;

use newsdesk::entities::Recogniser;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(path) => text = std::fs::read_to_string(path)?,
        None => {
            std::io::stdin().read_to_string(&mut text)?;
        }
    }
    // Labelled files: strip the marks so the text is what the reader sees.
    let text = newsdesk::entities::score::Labelled::parse(&text).map_or(text, |l| l.text);
    for mention in Recogniser::builtin()?.recognise(&text) {
        let start = text[..mention.range.start]
            .rfind('\n')
            .map_or(0, |i| i + 1)
            .max(mention.range.start.saturating_sub(40));
        let start = (0..=start)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        let end = (mention.range.end + 30).min(text.len());
        let end = (end..=text.len())
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(text.len());
        println!(
            "{:<6} {:<40} …{}…",
            mention.kind.label(),
            mention.name,
            text[start..end].replace('\n', " ")
        );
    }
    Ok(())
}
