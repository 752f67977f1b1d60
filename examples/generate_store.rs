//! Writes a generated store for trying newsdesk on a large collection:
//! `cargo run --release --example generate_store -- COUNT [SEED] > big.json`.
//! Articles are about 7.5 KB of news-like text naming organisations from
//! the built-in gazetteer; the same seed always gives the same store.

use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().map_or(Ok(1_000), |a| a.parse())?;
    let seed: u64 = args.next().map_or(Ok(1), |a| a.parse())?;
    let recogniser = newsdesk::entities::Recogniser::builtin()?;
    let json = newsdesk::generate::store_json(seed, recogniser.organisations(), count, 7_500);
    std::io::stdout().lock().write_all(json.as_bytes())?;
    Ok(())
}
