//! What the cache keeps of a store and its organisation index, in the
//! form `postcard` writes: the articles' metadata and where each body is,
//! not the bodies themselves when they are in the store's files.

use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::identity::Identity;
use crate::entities::Kind;
use crate::store::map::Field;
use crate::store::{Article, Body, FileReport, Problem, Published, Source, Store};

/// A store as the cache keeps it.
#[derive(Debug, Serialize, Deserialize)]
pub struct StoreRecord {
    name: String,
    files: Vec<ReportRecord>,
    articles: Vec<ArticleRecord>,
    problems: Vec<ProblemRecord>,
}

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

/// An organisation index as the cache keeps it.
#[derive(Debug, Serialize, Deserialize)]
pub struct OrgRecord {
    /// The organisations met.
    pub names: Vec<(String, Kind)>,
    /// Per article, the organisations it names.
    pub per_article: Vec<Vec<u32>>,
}

impl StoreRecord {
    /// What to keep of `store`, whose files are `files` (bodies in other
    /// files, or held, are kept as text).
    pub fn of(store: &Store, files: &[Identity]) -> Self {
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
        Self {
            name: store.name.clone(),
            files: store.files.iter().map(ReportRecord::of).collect(),
            articles: store
                .articles
                .iter()
                .map(|article| ArticleRecord {
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
                })
                .collect(),
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

    /// The store again, its bodies read from `texts` (the store files,
    /// mapped, in the order of the identities) when needed; `None` when a
    /// body's place is not in its file.
    pub fn into_store(self, texts: &[Arc<Source>]) -> Option<Store> {
        let mut articles = Vec::with_capacity(self.articles.len());
        for record in self.articles {
            let body = match record.body {
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
            articles.push(Article {
                id: record.id,
                title: record.title,
                body,
                source: record.source,
                author: record.author,
                published: record
                    .published
                    .map(|(text, epoch, zone_less)| Published::from_parts(&text, epoch, zone_less)),
                url: record.url,
                tags: record.tags,
            });
        }
        Some(Store {
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
