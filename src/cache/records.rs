//! What the cache keeps of a store and its organisation index, in the
//! form `postcard` writes: the articles' metadata and where each body is,
//! not the bodies themselves when they are in the store's files.

use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::identity::Identity;
use crate::column::Ragged;
use crate::entities::Kind;
use crate::store::map::Field;
use crate::store::{Article, Body, FileReport, Problem, Published, Source, Store};

/// A store as the cache keeps it.
#[derive(Debug, Serialize, Deserialize)]
pub struct StoreRecord {
    name: String,
    files: Vec<ReportRecord>,
    problems: Vec<ProblemRecord>,
}

/// How many articles are written in one chunk: chunks are read on as many
/// threads as there are cores.
const CHUNK: usize = 16_384;

#[derive(Debug, Serialize, Deserialize)]
struct ReportRecord {
    path: PathBuf,
    shape: String,
    articles: u64,
    skipped: u64,
    skip_reason: Option<String>,
    never_found: Vec<String>,
    unmapped: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
struct ArticleRecord {
    id: String,
    title: String,
    body: BodyRecord,
    source: Option<String>,
    author: Option<String>,
    published: Option<(String, i64, bool)>,
    url: Option<String>,
    tags: Vec<String>,
}

/// Where a body is.
#[derive(Debug, Serialize, Deserialize)]
enum BodyRecord {
    /// A JSON string literal at a range of store file number `file`.
    InFile { file: u32, start: u64, end: u64 },
    /// The text itself (it was changed on the way in: HTML, joined parts).
    Text(String),
}

#[derive(Debug, Serialize, Deserialize)]
struct ProblemRecord {
    file: PathBuf,
    index: u64,
    id: Option<String>,
    message: String,
    skipped: bool,
}

/// An organisation index as the cache keeps it: the names in one section
/// (postcard), the ids per article in two columns used in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgRecord {
    /// The organisations met.
    pub names: Vec<(String, Kind)>,
    /// Per article, the organisations it names.
    pub per_article: Ragged<u32>,
}

impl OrgRecord {
    /// What to keep of `index`.
    pub fn of(index: &crate::org_index::OrgIndex) -> Self {
        let (names, per_article) = index.parts();
        Self {
            names: names.to_vec(),
            per_article: per_article.clone(),
        }
    }

    /// What to keep of `index`, which is not needed any more.
    pub fn from_index(index: crate::org_index::OrgIndex) -> Self {
        let (names, per_article) = index.into_parts();
        Self { names, per_article }
    }

    /// Whether this is an index of `articles` articles naming only the
    /// organisations it has.
    pub fn fits(&self, articles: usize) -> bool {
        let known = self.names.len();
        self.per_article.len() == articles
            && self.per_article.is_whole()
            && self
                .per_article
                .values
                .as_slice()
                .iter()
                .all(|&id| (id as usize) < known)
    }
}

impl StoreRecord {
    /// What to keep of `store` but its articles.
    pub fn of(store: &Store) -> Self {
        Self {
            name: store.name.clone(),
            files: store.files.iter().map(ReportRecord::of).collect(),
            problems: store
                .problems
                .iter()
                .map(|problem| ProblemRecord {
                    file: problem.file.clone(),
                    index: problem.index as u64,
                    id: problem.id.clone(),
                    message: problem.message.clone(),
                    skipped: problem.skipped,
                })
                .collect(),
        }
    }

    /// The store again, with `articles`.
    pub fn into_store(self, articles: Vec<Article>) -> Store {
        Store {
            name: self.name,
            articles,
            problems: self
                .problems
                .into_iter()
                .map(|problem| Problem {
                    file: problem.file,
                    index: usize::try_from(problem.index).unwrap_or(usize::MAX),
                    id: problem.id,
                    message: problem.message,
                    skipped: problem.skipped,
                })
                .collect(),
            files: self
                .files
                .into_iter()
                .map(ReportRecord::into_report)
                .collect(),
        }
    }
}

/// The articles of `store`, whose files are `files` (bodies in other files,
/// or held, are kept as text), as the cache keeps them: the number of
/// chunks, where each ends, then the chunks, each its articles one after
/// another.
pub fn articles(store: &Store, files: &[Identity]) -> Result<Vec<u8>, postcard::Error> {
    let body = |body: &Body| {
        let place = body.place().and_then(|(source, range)| {
            let path = std::path::absolute(source.path()?).ok()?;
            let file = files.iter().position(|file| file.path == path)?;
            Some(BodyRecord::InFile {
                file: u32::try_from(file).ok()?,
                start: range.start as u64,
                end: range.end as u64,
            })
        });
        place.unwrap_or_else(|| BodyRecord::Text(body.text().into_owned()))
    };
    let mut chunks = Vec::new();
    let mut ends = Vec::new();
    for chunk in store.articles.chunks(CHUNK) {
        for article in chunk {
            let record = ArticleRecord {
                id: article.id.clone(),
                title: article.title.clone(),
                body: body(&article.body),
                source: article.source.clone(),
                author: article.author.clone(),
                published: article.published.as_ref().map(|date| {
                    (
                        date.as_str().to_owned(),
                        date.epoch_seconds(),
                        date.zone_less(),
                    )
                }),
                url: article.url.clone(),
                tags: article.tags.clone(),
            };
            chunks.extend_from_slice(&postcard::to_stdvec(&record)?);
        }
        ends.push((chunks.len() as u64, chunk.len() as u64));
    }
    let mut out = Vec::with_capacity(8 + 16 * ends.len() + chunks.len());
    out.extend_from_slice(&(ends.len() as u64).to_le_bytes());
    for (end, count) in ends {
        out.extend_from_slice(&end.to_le_bytes());
        out.extend_from_slice(&count.to_le_bytes());
    }
    out.extend_from_slice(&chunks);
    Ok(out)
}

/// The articles kept by [`articles`], their bodies read from `texts` (the
/// store files, mapped, in the order of the identities) when needed, each
/// chunk on a thread; `None` when anything is out of place.
pub fn read_articles(bytes: &[u8], texts: &[Arc<Source>]) -> Option<Vec<Article>> {
    let count = usize::try_from(u64::from_le_bytes(bytes.get(..8)?.try_into().ok()?)).ok()?;
    let table = bytes.get(8..8 + count.checked_mul(16)?)?;
    let data = &bytes[8 + table.len()..];
    let mut chunks = Vec::with_capacity(count);
    let mut start = 0;
    for entry in table.chunks_exact(16) {
        let end = usize::try_from(u64::from_le_bytes(entry[..8].try_into().ok()?)).ok()?;
        let articles = usize::try_from(u64::from_le_bytes(entry[8..].try_into().ok()?)).ok()?;
        let chunk = data.get(start..end)?;
        // Every article takes bytes: a count past them is damage, and must
        // not size an allocation.
        if articles > chunk.len() {
            return None;
        }
        chunks.push((chunk, articles));
        start = end;
    }
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let per_thread = chunks.len().div_ceil(threads.max(1)).max(1);
    let total = chunks.iter().map(|(_, articles)| articles).sum();
    std::thread::scope(|scope| {
        let mut parts = chunks.chunks(per_thread);
        let first = parts.next().unwrap_or_default();
        let workers: Vec<_> = parts
            .map(|mine| {
                scope.spawn(move || {
                    let mut articles = Vec::new();
                    read_chunks(mine, texts, &mut articles).map(|()| articles)
                })
            })
            .collect();
        // This thread reads the first part straight into the whole: a
        // million articles are not copied once more.
        let mut articles = Vec::with_capacity(total);
        let first = read_chunks(first, texts, &mut articles);
        for worker in workers {
            articles.append(&mut worker.join().ok().flatten()?);
        }
        first.map(|()| articles)
    })
}

/// Reads the articles of `chunks` onto the end of `articles`.
fn read_chunks(
    chunks: &[(&[u8], usize)],
    texts: &[Arc<Source>],
    articles: &mut Vec<Article>,
) -> Option<()> {
    articles.reserve(chunks.iter().map(|(_, n)| n).sum());
    for &(mut rest, count) in chunks {
        for _ in 0..count {
            let (record, after) = postcard::take_from_bytes::<ArticleRecord>(rest).ok()?;
            rest = after;
            articles.push(record.into_article(texts)?);
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(())
}

impl ArticleRecord {
    fn into_article(self, texts: &[Arc<Source>]) -> Option<Article> {
        let body = match self.body {
            BodyRecord::Text(text) => Body::held(text),
            BodyRecord::InFile { file, start, end } => {
                let text = texts.get(file as usize)?;
                let (start, end) = (usize::try_from(start).ok()?, usize::try_from(end).ok()?);
                if start >= end || end > text.bytes().len() {
                    return None;
                }
                Body::placed(text, start..end)
            }
        };
        Some(Article {
            id: self.id,
            title: self.title,
            body,
            source: self.source,
            author: self.author,
            published: match self.published {
                Some((text, epoch, zone_less)) => {
                    Some(Published::from_parts(text, epoch, zone_less)?)
                }
                None => None,
            },
            url: self.url,
            tags: self.tags,
        })
    }
}

impl ReportRecord {
    fn of(report: &FileReport) -> Self {
        let names = |fields: &[Field]| fields.iter().map(|f| f.name().to_owned()).collect();
        Self {
            path: report.path.clone(),
            shape: report.shape.clone(),
            articles: report.articles as u64,
            skipped: report.skipped as u64,
            skip_reason: report.skip_reason.clone(),
            never_found: names(&report.never_found),
            unmapped: names(&report.unmapped),
        }
    }

    fn into_report(self) -> FileReport {
        let fields = |names: Vec<String>| {
            names
                .iter()
                .filter_map(|name| Field::ALL.iter().copied().find(|f| f.name() == name))
                .collect()
        };
        FileReport {
            path: self.path,
            shape: self.shape,
            articles: usize::try_from(self.articles).unwrap_or(usize::MAX),
            skipped: usize::try_from(self.skipped).unwrap_or(usize::MAX),
            skip_reason: self.skip_reason,
            never_found: fields(self.never_found),
            unmapped: fields(self.unmapped),
        }
    }
}
