//! Recognition throughput on generated news-like text, beside a plain
//! Aho-Corasick scan of the same text for the same names, measured in the
//! same run. `cargo bench --bench recognition`.
//!
//! Each figure is the median of several runs; the machine is shared, so
//! single runs are noisy.
//!
//! Then long hostile articles, one of each shape: text that makes one pass
//! compare every name with every other, or walk back without end, would
//! take seconds here where a news article of the same length takes tens of
//! milliseconds.

mod common;

use std::time::Duration;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use newsdesk::entities::{Recogniser, summarise};
use newsdesk::generate::{self, Rng};

const RUNS: usize = 9;
const ARTICLES: usize = 1_000;
const ARTICLE_BYTES: usize = 7_500;
/// Runs of each hostile article: each should take about 0.1 s.
const HOSTILE_RUNS: usize = 3;
/// How many times a hostile article repeats its shape: about 1 MB.
const REPEATS: usize = 30_000;

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

    println!(
        "hostile articles, one of each shape, median of {HOSTILE_RUNS} runs of recognition and summary:"
    );
    for (shape, text) in hostile_articles() {
        let took = common::time(HOSTILE_RUNS, || {
            summarise(&recogniser.recognise(&text)).len()
        });
        println!(
            "  {shape:<34} {:>6.2} MB {:>9.1} ms {:>8.1} MB/s",
            common::megabytes_per_second(text.len(), Duration::from_secs(1)),
            took.as_secs_f64() * 1e3,
            common::megabytes_per_second(text.len(), took)
        );
    }
}

/// A made-up capitalised name for each number: "Mmb", "Nmb", "Omb", …
fn name(n: usize) -> String {
    let mut n = n + 1_000;
    let mut name = String::new();
    while n > 0 {
        name.push(char::from(b'a' + u8::try_from(n % 26).unwrap_or(0)));
        n /= 26;
    }
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_ascii_uppercase().to_string() + chars.as_str()
    })
}

/// Long articles of one shape repeated with ever new names, each a way to
/// make a careless pass quadratic.
fn hostile_articles() -> Vec<(&'static str, String)> {
    let article =
        |shape: &dyn Fn(usize) -> String| (0..REPEATS).map(shape).collect::<Vec<_>>().join(" ");
    vec![
        (
            "acronym definitions",
            article(&|n| format!("the {} Gazette ({}) said.", name(n), name(n).to_uppercase())),
        ),
        (
            "acronyms defined as descriptions",
            article(&|n| {
                let letters = name(n).to_uppercase();
                format!("the {} police ({letters}) said {letters} agreed.", name(n))
            }),
        ),
        (
            "papers' last words",
            article(&|n| format!("The {} Times reported. the Times said.", name(n))),
        ),
        (
            "the Commission",
            article(&|n| format!("the {} Commission said. Later the Commission did.", name(n))),
        ),
        (
            "outlets' short forms",
            article(&|n| format!("{} Media Group bought it. {} said.", name(n), name(n))),
        ),
        (
            "names joined by and",
            article(&|n| format!("{} Police and {} News", name(n), name(n + 1))),
        ),
        (
            "owners of outlets",
            article(&|n| {
                format!(
                    "the {} Ministry of {}, which owns {} TV,",
                    name(n),
                    name(n + 1),
                    name(n + 2)
                )
            }),
        ),
        (
            "ambiguous names in lists",
            article(&|n| format!("Mirror reported Star and Canal channel {} FBI", name(n))),
        ),
        (
            "ambiguous names unsupported",
            article(&|n| format!("Met {} Congress {}", name(n).to_lowercase(), name(n + 1))),
        ),
        (
            "a capitalised run without a stop",
            (0..5 * REPEATS).map(name).collect::<Vec<_>>().join(" "),
        ),
        (
            "a list of names",
            (0..4 * REPEATS).map(name).collect::<Vec<_>>().join(", ") + " and Kestrel news sites",
        ),
        (
            "parentheses never closed",
            article(&|n| format!("Europol ({} said", name(n))),
        ),
    ]
}
