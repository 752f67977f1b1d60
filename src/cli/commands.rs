//! The commands: open the reader, list, check, show entities, search.

use std::collections::HashMap;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use super::caching::{self, Opened};
use super::exit::{Stop, finish_output};
use super::settings::Settings;
use super::{load, recogniser};
use crate::cache::Unchecked;
use crate::entities::Kind;
use crate::org_index::OrgIndex;
use crate::search::{Found, Query, Snippet};
use crate::store::{Options, Published, Store};
use crate::text::visible;

#[derive(Serialize)]
struct ListRow<'a> {
    id: &'a str,
    published: Option<&'a str>,
    source: Option<&'a str>,
    title: &'a str,
    read: bool,
    starred: bool,
}

/// Which articles `list` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Listed {
    All,
    Unread,
    Starred,
}

pub(super) fn list(
    paths: &[PathBuf],
    json: bool,
    listed: Listed,
    options: &Options,
) -> Result<ExitCode, Stop> {
    let store = load(paths, options)?;
    let marks = super::reader::marks();
    let mut out = io::stdout().lock();
    let written: io::Result<()> = store
        .articles
        .iter()
        .filter(|article| match listed {
            Listed::All => true,
            Listed::Unread => !marks.is_read(&article.id),
            Listed::Starred => marks.is_starred(&article.id),
        })
        .try_for_each(|article| {
            if json {
                let row = ListRow {
                    id: &article.id,
                    published: article.published.as_ref().map(Published::as_str),
                    source: article.source.as_deref(),
                    title: &article.title,
                    read: marks.is_read(&article.id),
                    starred: marks.is_starred(&article.id),
                };
                serde_json::to_writer(&mut out, &row)?;
                writeln!(out)
            } else {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    visible(&article.id),
                    article.published.as_ref().map_or("", |p| p.day()),
                    visible(article.source.as_deref().unwrap_or("")),
                    visible(&article.title)
                )
            }
        });
    finish_output(written)
}

/// Writes the articles as JSON Lines in newsdesk's own format, newest
/// first, as newsdesk reads them.
pub(super) fn export(paths: &[PathBuf], options: &Options) -> Result<ExitCode, Stop> {
    let store = load(paths, options)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written: io::Result<()> = store.articles.iter().try_for_each(|article| {
        serde_json::to_writer(&mut out, article)?;
        writeln!(out)
    });
    finish_output(written.and_then(|()| out.flush()))
}

/// Imports `sources` into the store `into`: one line for each source that
/// failed on standard error, then what was added on standard output.
pub(super) fn import(
    sources: &[String],
    into: &Path,
    timeout: u64,
    options: Options,
) -> Result<ExitCode, Stop> {
    use crate::import::{self, ImportError, Settings, Source, SourceError};
    let sources: Vec<Source> = sources.iter().map(|s| Source::parse(s)).collect();
    let settings = Settings {
        options,
        ..Settings::default()
    }
    .with_timeout(std::time::Duration::from_secs(timeout));
    let report = import::import(&sources, into, &settings, |_| {}).map_err(|err| match err {
        ImportError::NotJsonLines(_) | ImportError::OtherShape { .. } => Stop {
            status: super::exit::EXIT_MALFORMED,
            message: visible(&err.to_string()).into_owned(),
        },
        ImportError::Io(_) => Stop {
            status: super::exit::EXIT_UNREADABLE,
            message: visible(&err.to_string()).into_owned(),
        },
    })?;
    let mut worst = None;
    for failed in &report.failed {
        let _ = writeln!(
            io::stderr(),
            "newsdesk: import: {}",
            visible(&failed.to_string())
        );
        let status = match failed {
            SourceError::Fetch { .. } => super::exit::EXIT_UNREADABLE,
            SourceError::Store(err) => super::exit::exit_status(err),
        };
        worst = Some(worst.map_or(status, |worst: u8| worst.min(status)));
    }
    let written = writeln!(io::stdout(), "{report}");
    finish_output(written)?;
    Ok(worst.map_or(ExitCode::SUCCESS, ExitCode::from))
}

#[derive(Serialize)]
struct ArticleMentions<'a> {
    id: &'a str,
    title: &'a str,
    mentions: Vec<MentionRow<'a>>,
}

#[derive(Serialize)]
struct MentionRow<'a> {
    start: usize,
    end: usize,
    kind: Kind,
    name: String,
    text: &'a str,
}

pub(super) fn entities(
    paths: &[PathBuf],
    json: bool,
    gazetteer: Option<&Path>,
    options: &Options,
) -> Result<ExitCode, Stop> {
    let recogniser = recogniser(gazetteer, options.max_bytes)?;
    let store = load(paths, options)?;
    let mut out = io::stdout().lock();
    if json {
        let written: io::Result<()> = store.articles.iter().try_for_each(|article| {
            let body = article.body.text();
            let mentions = recogniser
                .recognise(&body)
                .into_iter()
                .map(|m| MentionRow {
                    start: m.range.start,
                    end: m.range.end,
                    kind: m.kind,
                    text: &body[m.range],
                    name: m.name,
                })
                .collect();
            let row = ArticleMentions {
                id: &article.id,
                title: &article.title,
                mentions,
            };
            serde_json::to_writer(&mut out, &row)?;
            writeln!(out)
        });
        return finish_output(written);
    }
    // (kind, name) → (articles, mentions)
    let mut totals: HashMap<(Kind, String), (usize, usize)> = HashMap::new();
    for article in &store.articles {
        for named in crate::entities::summarise(&recogniser.recognise(&article.body.text())) {
            let entry = totals.entry((named.kind, named.name)).or_default();
            entry.0 += 1;
            entry.1 += named.count;
        }
    }
    let mut rows: Vec<_> = totals.into_iter().collect();
    rows.sort_by(|a, b| {
        (b.1.0, b.1.1)
            .cmp(&(a.1.0, a.1.1))
            .then_with(|| a.0.cmp(&b.0))
    });
    let width = rows
        .iter()
        .map(|((_, name), _)| name.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let written: io::Result<()> = std::iter::once(writeln!(
        out,
        "{:<6}  {:<width$}  {:>8}  {:>8}",
        "kind", "name", "articles", "mentions"
    ))
    .chain(rows.iter().map(|((kind, name), (articles, mentions))| {
        writeln!(
            out,
            "{:<6}  {:<width$}  {articles:>8}  {mentions:>8}",
            kind.label(),
            visible(name)
        )
    }))
    .collect();
    finish_output(written)
}

#[derive(Serialize)]
struct SearchRow<'a> {
    id: &'a str,
    title: &'a str,
    source: Option<&'a str>,
    published: Option<&'a str>,
    hits: usize,
    snippet: String,
}

pub(super) fn search(
    text: &str,
    paths: &[PathBuf],
    json: bool,
    gazetteer: Option<&Path>,
    settings: &Settings,
) -> Result<ExitCode, Stop> {
    let options = &settings.options;
    let query = Query::parse(text)
        .map_err(|err| Stop::usage(format!("bad query:\n{}", err.pointed(text))))?;
    // A valid cache gives the store, its organisations and its word index
    // at once; else the store is read and every article scanned.
    let opened = caching::open(paths, options, gazetteer, settings)?.0;
    let make_recogniser = || recogniser(gazetteer, options.max_bytes);
    let mut recogniser = query
        .has_organisations()
        .then(make_recogniser)
        .transpose()?;
    let (store, orgs, words) = match opened {
        Opened::Warm(warm) => {
            let warm = *warm;
            let words = warm.words.and_then(Unchecked::check);
            (warm.store, Some(warm.orgs), words)
        }
        // Appended lines are recognised, so a recogniser is needed then too.
        Opened::Grown(grown) => {
            let made = recogniser.take().map_or_else(make_recogniser, Ok)?;
            let warm = grown.extend(&made);
            recogniser = Some(made);
            (warm.store, Some(warm.orgs), None)
        }
        Opened::Cold(store) => (store, None, None),
    };
    let orgs = match (&recogniser, orgs) {
        (Some(recogniser), None) => Some(OrgIndex::build(&store, recogniser)),
        (Some(_), orgs) => orgs,
        (None, _) => None,
    };
    let clauses = orgs
        .as_ref()
        .zip(recogniser.as_ref())
        .map(|(orgs, recogniser)| orgs.clauses(&query, recogniser));
    let organisations: &dyn crate::search::Organisations = match &clauses {
        Some(clauses) => clauses,
        None => &crate::search::NoOrganisations,
    };
    let found = match &words {
        Some(words) => crate::search::search_indexed(&query, &store.articles, words, organisations),
        None => crate::search::search(&query, &store.articles, organisations),
    };
    finish_output(print_found(&store, &found, &query, json))?;
    Ok(if found.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes `found`, the matches of `query` in `store`, to standard output:
/// one JSON object a line, or tab-separated columns with the first hit
/// marked in its snippet when the output is a terminal.
fn print_found(store: &Store, found: &[Found], query: &Query, json: bool) -> io::Result<()> {
    let terminal = io::stdout().is_terminal() && !json;
    let mut out = io::stdout().lock();
    found.iter().try_for_each(|found| {
        let article = &store.articles[found.index];
        let snippet = Snippet::around_first_hit(article, query);
        if json {
            let row = SearchRow {
                id: &article.id,
                title: &article.title,
                source: article.source.as_deref(),
                published: article.published.as_ref().map(Published::as_str),
                hits: found.hits.total,
                snippet: snippet.plain(),
            };
            serde_json::to_writer(&mut out, &row)?;
            writeln!(out)
        } else {
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}",
                visible(&article.id),
                article.published.as_ref().map_or("", |p| p.day()),
                visible(article.source.as_deref().unwrap_or("")),
                visible(&article.title),
                found.hits.total,
                if terminal {
                    snippet.marked()
                } else {
                    snippet.plain()
                },
            )
        }
    })
}
