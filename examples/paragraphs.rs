//! How evenly article paragraphs are set, and what setting them costs:
//! the figures of "Paragraph setting" in `docs/performance.md`.
//!
//! `cargo run --release --example paragraphs` prints three tables:
//!
//! 1. raggedness of the sample store's bodies (the sum, over every line
//!    but the last of each paragraph, of the squared empty cells at its
//!    end) set first-fit and by optimal fit, at 40, 60 and 80 columns;
//! 2. the time to set one paragraph of a given number of fragments by
//!    optimal fit, for prose and for one-letter words (the most fragments
//!    to a line), beside first-fit;
//! 3. the time to set the long generated article of `cargo bench --bench
//!    store` whole, both ways.
//!
//! Times are medians; the machine may be shared and noisy.

#![expect(
    clippy::cast_precision_loss,
    reason = "figures shown to a few significant digits"
)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use newsdesk::document::setting::{self, MAX_FRAGMENTS, optimal_fit, raggedness};
use newsdesk::entities::Recogniser;
use newsdesk::generate::{self, Rng};
use newsdesk::store::Store;
use newsdesk::wrap::wrap;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    raggedness_table();
    paragraph_table();
    article_table()?;
    Ok(())
}

/// Table 1: the sample store, as the reader opens it without a path.
fn raggedness_table() {
    let store = Store::sample();
    let bodies: Vec<String> = store
        .articles
        .iter()
        .map(|article| article.body.text().into_owned())
        .collect();
    println!(
        "| width | first-fit raggedness | optimal-fit raggedness | change | lines, first-fit | lines, optimal fit |"
    );
    println!("|---|---|---|---|---|---|");
    for width in [40, 60, 80] {
        let (mut first, mut optimal, mut first_lines, mut optimal_lines) = (0, 0, 0, 0);
        for body in &bodies {
            let first_fit = wrap(body, width);
            let set = setting::set(body, width);
            first += raggedness(body, &first_fit, width);
            optimal += raggedness(body, &set, width);
            first_lines += first_fit.len();
            optimal_lines += set.len();
        }
        println!(
            "| {width} | {first} | {optimal} | {:+.0} % | {first_lines} | {optimal_lines} |",
            percent(optimal, first)
        );
    }
    println!();
}

/// Table 2: one paragraph of `count` fragments.
fn paragraph_table() {
    let store = Store::sample();
    let words: Vec<String> = store
        .articles
        .iter()
        .flat_map(|article| {
            let text = article.body.text().into_owned();
            text.split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    println!("| fragments | text | width | optimal fit | first-fit | optimal fit, per fragment |");
    println!("|---|---|---|---|---|---|");
    for count in [250, 500, 1_000, 2_000, 4_000, 8_000] {
        let prose = words
            .iter()
            .cycle()
            .take(count)
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        let letters = vec!["a"; count].join(" ");
        for (name, paragraph) in [("prose", &prose), ("one-letter words", &letters)] {
            for width in [80, 250] {
                let runs = if count >= 4_000 { 11 } else { 31 };
                let optimal = time(runs, || optimal_fit(paragraph, width, usize::MAX));
                let first = time(runs, || wrap(paragraph, width));
                println!(
                    "| {count} | {name} | {width} | {} | {} | {:.0} ns |",
                    ms(optimal),
                    ms(first),
                    optimal.as_secs_f64() * 1e9 / count as f64
                );
            }
        }
    }
    println!();
}

/// Table 3: the long article of the store benchmark.
fn article_table() -> Result<(), Box<dyn std::error::Error>> {
    let builtin = Recogniser::builtin()?;
    let body = generate::text(&mut Rng::new(3), builtin.organisations(), 22_000);
    let words = body.split_whitespace().count();
    let paragraphs = body.split("\n\n").count();
    println!(
        "Long article: {words} words in {paragraphs} paragraphs; at most {MAX_FRAGMENTS} fragments a paragraph are set by optimal fit."
    );
    println!();
    println!("| width | optimal fit | first-fit |");
    println!("|---|---|---|");
    for width in [40, 80, 200] {
        let optimal = time(51, || setting::set(&body, width));
        let first = time(51, || wrap(&body, width));
        println!("| {width} | {} | {} |", ms(optimal), ms(first));
    }
    Ok(())
}

fn percent(after: u64, before: u64) -> f64 {
    if before == 0 {
        return 0.0;
    }
    (after as f64 - before as f64) * 100.0 / before as f64
}

fn time<T>(runs: usize, mut work: impl FnMut() -> T) -> Duration {
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(work());
            start.elapsed()
        })
        .collect();
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(duration: Duration) -> String {
    format!("{:.3} ms", duration.as_secs_f64() * 1e3)
}
