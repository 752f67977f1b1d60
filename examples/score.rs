//! Scores the built-in recogniser on labelled articles and prints the
//! table used in `docs/recognition.md`.
//!
//! `cargo run --release --example score [-- [DIR] [--errors]]`: DIR is
//! `tests/devset` unless given (`tests/heldout` and `tests/heldout2` for
//! the held-out sets); `--errors` also lists every missed and every wrong
//! mention. Only the `.txt` files of DIR are articles: a README beside them
//! is not scored.

use std::fs;
use std::path::Path;

use newsdesk::entities::Recogniser;
use newsdesk::entities::score::{Labelled, Scores};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let show_errors = std::env::args().any(|a| a == "--errors");
    let recogniser = Recogniser::builtin()?;
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .map_or_else(
            || Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/devset"),
            Into::into,
        );
    let mut paths: Vec<_> = fs::read_dir(&dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()?;
    paths.retain(|path| path.extension().is_some_and(|ext| ext == "txt"));
    paths.sort();
    let mut scores = Scores::default();
    let (mut articles, mut words) = (0, 0);
    for path in &paths {
        let marked = fs::read_to_string(path)?;
        let body = marked.split_once("\n\n").map_or("", |(_, body)| body);
        let labelled = Labelled::parse(body).map_err(|e| format!("{}: {e}", path.display()))?;
        let predicted = recogniser.recognise(&labelled.text);
        scores.add(&labelled.mentions, &predicted);
        articles += 1;
        words += labelled.text.split_whitespace().count();
        if show_errors {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let overlaps = |a: &std::ops::Range<usize>, b: &std::ops::Range<usize>| {
                a.start < b.end && b.start < a.end
            };
            for gold in &labelled.mentions {
                if !predicted
                    .iter()
                    .any(|p| p.kind == gold.kind && overlaps(&p.range, &gold.range))
                {
                    println!(
                        "MISS {name}: {:?} {}",
                        &labelled.text[gold.range.clone()],
                        gold.kind.label()
                    );
                }
            }
            for guess in &predicted {
                if !labelled
                    .mentions
                    .iter()
                    .any(|g| g.kind == guess.kind && overlaps(&g.range, &guess.range))
                {
                    println!(
                        "WRONG {name}: {:?} {} ({})",
                        &labelled.text[guess.range.clone()],
                        guess.kind.label(),
                        guess.name
                    );
                }
            }
        }
    }
    println!("{articles} articles, {words} words\n");
    print!("{scores}");
    Ok(())
}
