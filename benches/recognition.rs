//! Recognition throughput on generated news-like text, beside a plain
//! Aho-Corasick scan of the same text for the same names, measured in the
//! same run. `cargo bench --bench recognition`.
//!
//! Each figure is the median of several runs; the machine is shared, so
//! single runs are noisy.

mod common;

use std::time::Duration;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use newsdesk::entities::Recogniser;
use newsdesk::generate::{self, Rng};

const RUNS: usize = 9;
const ARTICLES: usize = 1_000;
const ARTICLE_BYTES: usize = 7_500;

fn main() {
    let recogniser = Recogniser::builtin().expect("the built-in gazetteer builds");
    let organisations = recogniser.organisations();
    let mut rng = Rng::new(2026);
    let articles: Vec<String> = (0..ARTICLES)
        .map(|_| generate::text(&mut rng, organisations, ARTICLE_BYTES))
        .collect();
    let bytes: usize = articles.iter().map(String::len).sum();

    let names: Vec<&str> = organisations
        .iter()
        .flat_map(|o| o.aliases.iter().map(|a| a.text.as_str()))
        .collect();
    // The reference is the fastest plain scan the crate offers: a full DFA.
    let plain: AhoCorasick = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(&names)
        .expect("automaton builds");

    let reference = common::time(RUNS, || {
        articles
            .iter()
            .map(|a| plain.find_iter(a.as_str()).count())
            .sum::<usize>()
    });
    let recognition = common::time(RUNS, || {
        articles
            .iter()
            .map(|a| recogniser.recognise(a).len())
            .sum::<usize>()
    });
    let mentions: usize = articles.iter().map(|a| recogniser.recognise(a).len()).sum();
    let per_article = recognition / u32::try_from(ARTICLES).unwrap_or(1);

    println!(
        "text: {ARTICLES} generated articles, {:.1} MB, {} names in the gazetteer, {mentions} mentions found",
        common::megabytes_per_second(bytes, Duration::from_secs(1)),
        names.len()
    );
    println!("median of {RUNS} runs, one core:");
    println!(
        "  plain Aho-Corasick scan (reference) {:>8.1} MB/s  {:>9.3} ms per article",
        common::megabytes_per_second(bytes, reference),
        (reference / u32::try_from(ARTICLES).unwrap_or(1)).as_secs_f64() * 1e3
    );
    println!(
        "  recognition                         {:>8.1} MB/s  {:>9.3} ms per article",
        common::megabytes_per_second(bytes, recognition),
        per_article.as_secs_f64() * 1e3
    );
    println!(
        "  recognition / reference time        {:>8.2}×",
        recognition.as_secs_f64() / reference.as_secs_f64()
    );
}
