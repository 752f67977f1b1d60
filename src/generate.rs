//! Deterministic, seedable news-like text and stores, for benchmarks.
//!
//! Sentences of varied length mix everyday words, organisation names drawn
//! from a gazetteer (about one mention every twenty-five words, as in
//! agency copy), described bodies ("Dutch police"), numbers, quotes and
//! some non-ASCII words. The same seed always gives the same text.

use std::fmt::Write as _;

use crate::entities::Organisation;
use crate::store::Article;

/// A small, fast pseudo-random generator (xorshift64*): reproducible on
/// every platform, and no dependency.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed` (any value, zero included).
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next_u64() % n.max(1) as u64).unwrap_or(0)
    }

    /// One element of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "the",
    "a",
    "of",
    "to",
    "and",
    "in",
    "on",
    "for",
    "with",
    "said",
    "that",
    "was",
    "were",
    "had",
    "after",
    "before",
    "officials",
    "investigators",
    "network",
    "servers",
    "statement",
    "week",
    "months",
    "operation",
    "arrested",
    "suspects",
    "raids",
    "reported",
    "according",
    "published",
    "city",
    "border",
    "court",
    "case",
    "evidence",
    "campaign",
    "election",
    "ministers",
    "market",
    "shares",
    "company",
    "analysts",
    "video",
    "channels",
    "accounts",
    "online",
    "propaganda",
    "groups",
    "police",
    "prosecutors",
    "judge",
    "sentence",
    "appeal",
    "hearing",
    "report",
    "spokesperson",
    "sources",
    "documents",
    "data",
    "phones",
    "cash",
    "million",
    "percent",
    "region",
    "capital",
    "coast",
    "villages",
    "families",
    "witnesses",
    "footage",
    "broadcast",
    "interview",
    "editor",
    "newspaper",
    "website",
    "platform",
    "agency",
    "ministry",
    "officers",
    "detained",
    "charged",
    "released",
    "warned",
    "announced",
    "confirmed",
    "denied",
    "added",
    "however",
    "meanwhile",
    "earlier",
    "later",
    "while",
    "during",
    "across",
    "several",
    "three",
    "dozens",
    "hundreds",
    "thousands",
    "first",
    "last",
    "new",
    "former",
    "senior",
    "local",
];

const NON_ASCII: &[&str] = &[
    "São Paulo",
    "Zürich",
    "Kraków",
    "Malmö",
    "Curaçao",
    "Düsseldorf",
    "Besançon",
    "Łódź",
    "東京",
    "서울",
    "Ελλάδα",
    "Київ",
    "déclaration",
    "coöperation",
];

const DESCRIBED: &[&str] = &[
    "Dutch police",
    "Belgian federal prosecutor",
    "British anti-terrorist unit",
    "French intelligence services",
    "Kenyan police",
    "Spanish coast guard",
];

const SOURCES: &[&str] = &[
    "Harbour Ledger",
    "Valley Notes",
    "The Meridian Review",
    "Continental Wire",
    "Capitol Markets Daily",
    "Orbit Desk",
    "Northern Chronicle",
    "Touchline Iberia",
];

/// Writes news-like text of about `bytes` bytes.
pub fn text(rng: &mut Rng, organisations: &[Organisation], bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 200);
    let mut sentences_in_paragraph = 0;
    while out.len() < bytes {
        sentence(rng, organisations, &mut out);
        sentences_in_paragraph += 1;
        if sentences_in_paragraph >= 3 + rng.below(4) {
            out.push_str("\n\n");
            sentences_in_paragraph = 0;
        } else {
            out.push(' ');
        }
    }
    out.truncate(out.trim_end().len());
    out
}

fn sentence(rng: &mut Rng, organisations: &[Organisation], out: &mut String) {
    let words = 6 + rng.below(28);
    let quoted = rng.below(8) == 0;
    if quoted {
        out.push('“');
    }
    for i in 0..words {
        if i > 0 {
            out.push(if rng.below(12) == 0 { ',' } else { ' ' });
            if out.ends_with(',') {
                out.push(' ');
            }
        }
        let roll = rng.below(100);
        let word: &str = if roll < 4 && !organisations.is_empty() {
            let organisation = rng.pick(organisations);
            let alias = rng.pick(&organisation.aliases);
            if rng.below(6) == 0 {
                let _ = write!(out, "{}’s", alias.text);
                continue;
            }
            &alias.text
        } else if roll < 5 {
            DESCRIBED[rng.below(DESCRIBED.len())]
        } else if roll < 7 {
            NON_ASCII[rng.below(NON_ASCII.len())]
        } else if roll < 9 {
            let _ = write!(out, "{}", rng.below(10_000));
            continue;
        } else {
            WORDS[rng.below(WORDS.len())]
        };
        if i == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(word);
        }
    }
    out.push('.');
    if quoted {
        out.push('”');
    }
}

/// Article `index` of a generated store: dated, sourced, with a body of
/// about `body_bytes` bytes.
pub fn article(
    rng: &mut Rng,
    organisations: &[Organisation],
    index: usize,
    body_bytes: usize,
) -> Article {
    let title = {
        let mut title = text(rng, organisations, 60);
        title.truncate(title.find('.').unwrap_or(title.len()));
        title
    };
    let mut article = Article::new(title, text(rng, organisations, body_bytes));
    article.id = format!("gen-{index:06}");
    article.source = Some((*rng.pick(SOURCES)).to_owned());
    article.author = Some(format!("Reporter {}", rng.below(400)));
    let day = index % 28 + 1;
    let month = index / 28 % 12 + 1;
    let year = 2026 - index / (28 * 12) % 10;
    article.published = crate::store::Published::parse(&format!(
        "{year}-{month:02}-{day:02}T{:02}:{:02}:00Z",
        rng.below(24),
        rng.below(60)
    ))
    .ok();
    article.url = Some(format!("https://example.org/gen/{index}"));
    article.tags = vec![(*rng.pick(&["police", "politics", "business", "science"])).to_owned()];
    article
}

/// The shape a generated store is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// newsdesk's own: `{"articles": [...]}`.
    Newsdesk,
    /// An answer of the News API to `/v2/everything`, the text in `content`.
    NewsApi,
    /// An array of news-please articles, the text in `maintext`.
    NewsPlease,
}

/// A store of `count` generated articles of about `body_bytes` each, in
/// `shape`: the same articles whatever the shape.
pub fn store_json_in(
    shape: Shape,
    seed: u64,
    organisations: &[Organisation],
    count: usize,
    body_bytes: usize,
) -> String {
    if shape == Shape::Newsdesk {
        return store_json(seed, organisations, count, body_bytes);
    }
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(count * (body_bytes + 600) + 64);
    out.push_str(match shape {
        Shape::NewsApi => "{\"status\": \"ok\", \"totalResults\": 0, \"articles\": [\n",
        _ => "[\n",
    });
    for index in 0..count {
        let article = article(&mut rng, organisations, index, body_bytes);
        let published = article
            .published
            .as_ref()
            .map(crate::store::Published::as_str);
        let text = article.body.text();
        let description = text.split(". ").next().unwrap_or_default();
        let json = match shape {
            Shape::NewsApi => serde_json::json!({
                "source": {"id": null, "name": article.source},
                "author": article.author,
                "title": article.title,
                "description": description,
                "url": article.url,
                "urlToImage": format!("https://example.org/img/{index}.jpg"),
                "publishedAt": published,
                "content": article.body,
            }),
            _ => serde_json::json!({
                "authors": [article.author],
                "date_download": "2026-03-15 08:00:00",
                "date_modify": "None",
                "date_publish": published.map(|p| p[..19].replace('T', " ")),
                "description": description,
                "filename": format!("{index}.json"),
                "image_url": null,
                "language": "en",
                "localpath": null,
                "source_domain": article.source,
                "maintext": article.body,
                "title": article.title,
                "title_page": null,
                "title_rss": "NULL",
                "url": article.url,
            }),
        };
        if index > 0 {
            out.push_str(",\n");
        }
        out.push_str(&json.to_string());
    }
    out.push_str(if shape == Shape::NewsApi {
        "\n]}\n"
    } else {
        "\n]\n"
    });
    out
}

/// A JSON store of `count` generated articles of about `body_bytes` each.
pub fn store_json(
    seed: u64,
    organisations: &[Organisation],
    count: usize,
    body_bytes: usize,
) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(count * (body_bytes + 400) + 32);
    out.push_str("{\"articles\": [\n");
    for index in 0..count {
        let article = article(&mut rng, organisations, index, body_bytes);
        let json = serde_json::json!({
            "id": article.id,
            "title": article.title,
            "source": article.source,
            "author": article.author,
            "published": article.published.as_ref().map(crate::store::Published::as_str),
            "url": article.url,
            "tags": article.tags,
            "body": article.body,
        });
        if index > 0 {
            out.push_str(",\n");
        }
        out.push_str(&json.to_string());
    }
    out.push_str("\n]}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Gazetteer;

    fn organisations() -> Vec<Organisation> {
        Gazetteer::parse(
            "t",
            r#"{"organisations":[{"name":"Europol","kind":"agency"},{"name":"AP","kind":"outlet"}]}"#,
        )
        .unwrap()
        .organisations
    }

    #[test]
    fn the_same_seed_gives_the_same_text() {
        let orgs = organisations();
        let a = text(&mut Rng::new(7), &orgs, 2_000);
        let b = text(&mut Rng::new(7), &orgs, 2_000);
        let c = text(&mut Rng::new(8), &orgs, 2_000);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(a.len() >= 2_000 && a.len() < 2_400);
        assert!(a.contains("\n\n") && a.contains("Europol"));
    }

    #[test]
    fn a_generated_store_reads_the_same_in_every_shape() {
        let orgs = organisations();
        let read = |shape| {
            let json = store_json_in(shape, 3, &orgs, 12, 800);
            let store = crate::store::Store::from_json_str("gen.json", &json).unwrap();
            assert!(store.problems.is_empty(), "{:?}", store.problems);
            (store.files[0].shape.clone(), store.articles)
        };
        let (own, articles) = read(Shape::Newsdesk);
        assert_eq!(own, "newsdesk");
        for (shape, name) in [
            (Shape::NewsApi, "newsapi"),
            (Shape::NewsPlease, "news-please"),
        ] {
            let (read_as, other) = read(shape);
            assert_eq!(read_as, name);
            assert_eq!(other.len(), articles.len());
            for (a, b) in articles.iter().zip(&other) {
                assert_eq!(
                    (&a.title, &a.body, &a.source, &a.url),
                    (&b.title, &b.body, &b.source, &b.url)
                );
                assert_eq!(
                    a.published
                        .as_ref()
                        .map(crate::store::Published::epoch_seconds),
                    b.published
                        .as_ref()
                        .map(crate::store::Published::epoch_seconds)
                );
            }
        }
    }

    #[test]
    fn generated_stores_load() {
        let json = store_json(1, &organisations(), 20, 1_000);
        let store = crate::store::Store::from_json_str("gen", &json).unwrap();
        assert_eq!(store.articles.len(), 20);
        assert!(store.problems.is_empty());
    }
}
