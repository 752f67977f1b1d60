//! How fast a term is found by reading every article: the scan that
//! `newsdesk search` and the reader do before the word index exists.
//!
//! About 105 MB of generated articles are held in memory; each figure is the
//! median of several runs, in MB of body text per second on one core. Two
//! figures per term: counting its hits in every body ([`Pattern::count`])
//! and a whole search of the articles (titles, ranking and all).
//!
//! `cargo bench --bench scan`. The machine is shared, so single runs are
//! noisy.

mod common;

use std::hint::black_box;
use std::time::Duration;

use newsdesk::entities::Recogniser;
use newsdesk::generate::{self, Rng};
use newsdesk::search::{self, NoOrganisations, Pattern, Query};
use newsdesk::store::Article;

const RUNS: usize = 7;
const ARTICLES: usize = 14_000;
const ARTICLE_BYTES: usize = 7_500;

fn main() {
    let recogniser = Recogniser::builtin().expect("the built-in gazetteer builds");
    let organisations = recogniser.organisations();
    let mut rng = Rng::new(2026);
    let articles: Vec<Article> = (0..ARTICLES)
        .map(|index| generate::article(&mut rng, organisations, index, ARTICLE_BYTES))
        .collect();
    let bodies: Vec<String> = articles
        .iter()
        .map(|a| a.body.text().into_owned())
        .collect();
    let bytes: usize = bodies.iter().map(String::len).sum();
    println!(
        "{} articles, {:.0} MB of body text; median of {RUNS} runs\n",
        articles.len(),
        common::megabytes_per_second(bytes, Duration::from_secs(1))
    );
    println!("| term | hits | count in bodies | search of articles |");
    println!("|---|---|---|---|");
    for term in [
        "police",
        "europol",
        "quagmire",
        "officials",
        "zürich",
        "ελλάδα",
        "news agency",
    ] {
        let pattern = Pattern::new(term).expect("a term");
        let query = Query::parse(&format!("\"{term}\"")).expect("a query");
        let hits: usize = bodies.iter().map(|b| pattern.count(b)).sum();
        // One untimed run of each first, to warm the caches.
        let count = || bodies.iter().map(|b| pattern.count(b)).sum::<usize>();
        black_box(count());
        let count = common::time(RUNS, count);
        let search = || search::search(&query, &articles, &NoOrganisations).len();
        black_box(search());
        let search = common::time(RUNS, search);
        println!(
            "| `{term}` | {hits} | {:.0} MB/s | {:.0} MB/s |",
            common::megabytes_per_second(bytes, count),
            common::megabytes_per_second(bytes, search)
        );
    }
}
