//! The command line: open the reader, or list and check stores without it.

use std::collections::HashMap;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::entities::{Gazetteer, Kind, Recogniser};
use crate::org_index::OrgIndex;
use crate::search::{Query, Snippet};
use crate::store::{Published, Store};
use crate::text::visible;
use crate::ui::theme::Theme;

/// A terminal news reader that highlights the agencies and outlets an
/// article names.
#[derive(Debug, Parser)]
#[command(name = "newsdesk", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do; without one, open the reader.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Stores to open: .json, .jsonl or .txt files, or directories of them.
    /// Without any, the sample store built into newsdesk opens.
    pub paths: Vec<PathBuf>,
    /// Your own organisations, in the built-in gazetteer's JSON format,
    /// laid over the built-in list (an entry with the same name replaces it).
    #[arg(long, global = true, value_name = "FILE")]
    pub gazetteer: Option<PathBuf>,
}

/// The commands that work without the screen.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the articles: id, date, source and title, newest first.
    List {
        /// Stores to list (the sample store without any).
        paths: Vec<PathBuf>,
        /// One JSON object per line instead of tab-separated columns.
        #[arg(long)]
        json: bool,
    },
    /// Report every problem in stores; exit 1 if there is any.
    Check {
        /// Stores to check.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print the articles that match a query, best first: id, date, source,
    /// title, hits and a snippet around the first hit. Exit 1 if none.
    Search {
        /// The query (see the README: terms, "phrases", -exclusions, fields).
        query: String,
        /// Stores to search (the sample store without any).
        paths: Vec<PathBuf>,
        /// One JSON object per line instead of tab-separated columns.
        #[arg(long)]
        json: bool,
    },
    /// Print the agencies and outlets named across the stores: kind, name,
    /// articles and mentions, most widely named first.
    Entities {
        /// Stores to read (the sample store without any).
        paths: Vec<PathBuf>,
        /// One JSON object per article and line, with every mention's byte
        /// range in the body, kind, canonical name and text.
        #[arg(long)]
        json: bool,
    },
}

/// Exit status for a store that cannot be loaded or bad usage.
const EXIT_BAD_INPUT: u8 = 2;

/// Runs what the command line asks for.
pub fn run(cli: Cli) -> ExitCode {
    let gazetteer = cli.gazetteer.as_deref();
    let result = match cli.command {
        None => open(&cli.paths, gazetteer),
        Some(Command::List { paths, json }) => list(&paths, json),
        Some(Command::Check { paths }) => Ok(check(&paths)),
        Some(Command::Entities { paths, json }) => entities(&paths, json, gazetteer),
        Some(Command::Search { query, paths, json }) => search(&query, &paths, json, gazetteer),
    };
    result.unwrap_or_else(|message| {
        eprintln!("newsdesk: {message}");
        ExitCode::from(EXIT_BAD_INPUT)
    })
}

fn load(paths: &[PathBuf]) -> Result<Store, String> {
    if paths.is_empty() {
        Ok(Store::sample())
    } else {
        Store::load(paths).map_err(|err| visible(&err.to_string()).into_owned())
    }
}

/// The built-in recogniser, with the user's gazetteer laid over it.
fn recogniser(extra: Option<&Path>) -> Result<Recogniser, String> {
    let mut gazetteer = Gazetteer::builtin().map_err(|err| err.to_string())?;
    if let Some(path) = extra {
        let text =
            std::fs::read_to_string(path).map_err(|err| format!("{}: {err}", path.display()))?;
        let mine = Gazetteer::parse(&path.display().to_string(), &text)
            .map_err(|err| visible(&err.to_string()).into_owned())?;
        gazetteer = gazetteer.merged_with(mine);
    }
    Ok(Recogniser::new(gazetteer))
}

fn open(paths: &[PathBuf], gazetteer: Option<&Path>) -> Result<ExitCode, String> {
    let recogniser = recogniser(gazetteer)?;
    let store = load(paths)?;
    crate::terminal::run(store, recogniser, Theme::from_env())
        .map_err(|err| format!("terminal: {err}"))?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct ListRow<'a> {
    id: &'a str,
    published: Option<&'a str>,
    source: Option<&'a str>,
    title: &'a str,
}

fn list(paths: &[PathBuf], json: bool) -> Result<ExitCode, String> {
    let store = load(paths)?;
    let mut out = io::stdout().lock();
    let written: io::Result<()> = store.articles.iter().try_for_each(|article| {
        if json {
            let row = ListRow {
                id: &article.id,
                published: article.published.as_ref().map(Published::as_str),
                source: article.source.as_deref(),
                title: &article.title,
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

/// A closed pipe (`newsdesk list | head`) is a normal end, not an error.
fn finish_output(written: io::Result<()>) -> Result<ExitCode, String> {
    match written.and_then(|()| io::stdout().flush()) {
        Err(err) if err.kind() != io::ErrorKind::BrokenPipe => Err(format!("output: {err}")),
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn check(paths: &[PathBuf]) -> ExitCode {
    let mut problems = 0;
    let mut articles = 0;
    for path in paths {
        match Store::load(std::slice::from_ref(path)) {
            Ok(store) => {
                articles += store.articles.len();
                for problem in &store.problems {
                    println!("{}", visible(&problem.to_string()));
                    problems += 1;
                }
                for (id, count) in duplicate_ids(&store) {
                    println!("{}: id {id:?} is used by {count} articles", path.display());
                    problems += 1;
                }
            }
            Err(err) => {
                println!("{}", visible(&err.to_string()));
                problems += 1;
            }
        }
    }
    if problems == 0 {
        println!("ok: {articles} articles, no problems");
        ExitCode::SUCCESS
    } else {
        eprintln!("{problems} problem(s) found");
        ExitCode::from(1)
    }
}

fn duplicate_ids(store: &Store) -> Vec<(&str, usize)> {
    let mut ids: Vec<&str> = store.articles.iter().map(|a| a.id.as_str()).collect();
    ids.sort_unstable();
    let mut duplicates = Vec::new();
    for group in ids.chunk_by(|a, b| a == b) {
        if group.len() > 1 {
            duplicates.push((group[0], group.len()));
        }
    }
    duplicates
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

fn entities(paths: &[PathBuf], json: bool, gazetteer: Option<&Path>) -> Result<ExitCode, String> {
    let recogniser = recogniser(gazetteer)?;
    let store = load(paths)?;
    let mut out = io::stdout().lock();
    if json {
        let written: io::Result<()> = store.articles.iter().try_for_each(|article| {
            let mentions = recogniser
                .recognise(&article.body)
                .into_iter()
                .map(|m| MentionRow {
                    start: m.range.start,
                    end: m.range.end,
                    kind: m.kind,
                    text: &article.body[m.range],
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
        for named in crate::entities::summarise(&recogniser.recognise(&article.body)) {
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

fn search(
    text: &str,
    paths: &[PathBuf],
    json: bool,
    gazetteer: Option<&Path>,
) -> Result<ExitCode, String> {
    let query = Query::parse(text).map_err(|err| format!("bad query:\n{}", err.pointed(text)))?;
    let store = load(paths)?;
    let found = if query.has_organisations() {
        let recogniser = recogniser(gazetteer)?;
        let index = OrgIndex::build(&store, &recogniser);
        crate::search::search(&query, &store.articles, &index.clauses(&query, &recogniser))
    } else {
        crate::search::search(&query, &store.articles, &crate::search::NoOrganisations)
    };
    let terminal = io::stdout().is_terminal() && !json;
    let mut out = io::stdout().lock();
    let written: io::Result<()> = found.iter().try_for_each(|found| {
        let article = &store.articles[found.index];
        let snippet = Snippet::around_first_hit(article, &query);
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
    });
    finish_output(written)?;
    Ok(if found.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
